import type { Topic } from '../types.js';
import type { TopicPhrases } from './types.js';

/** French topic phrases; every line names its topic's vocabulary. */
export const frTopics: Readonly<Record<Topic, TopicPhrases>> = {
  pricing: {
    agent: [
      'Notre tarif est de {price} par utilisateur et par mois, facturé annuellement.',
      "Pour {seats} utilisateurs, le coût est d'environ {total} par an.",
      "L'offre Enterprise a un prix un peu plus élevé mais inclut le reporting avancé.",
    ],
    customer: [
      'Le prix est plus élevé que ce que nous avions prévu au budget.',
      'Nous avons environ {total} de budget cette année.',
      'Je dois comprendre le coût total avant de présenter ça à la finance.',
    ],
    question: ['Avec quel budget travaillez-vous cette année ?', 'Un prix de {price} par utilisateur convient-il à votre service financier ?'],
  },
  competitor: {
    agent: [
      'Par rapport à {competitor}, notre notation des appels est bien plus précise que celle du concurrent.',
      "Beaucoup d'équipes quittent {competitor}, notre concurrent, pour nos rapports.",
      'Je peux préparer une comparaison avec {competitor} et les autres concurrents.',
    ],
    customer: [
      'Nous discutons aussi avec {competitor}, un de vos concurrents.',
      '{competitor}, votre concurrent, nous a proposé quelque chose de similaire pour moins cher.',
      "Une autre équipe utilise déjà {competitor}, ce concurrent est donc bien placé en interne.",
    ],
    question: ['Quels autres fournisseurs concurrents évaluez-vous ?', "Qu'est-ce qui vous plaît chez {competitor}, le concurrent, pour l'instant ?"],
  },
  discount: {
    agent: [
      'Je peux vous proposer une remise de {discount}% pour un engagement de deux ans.',
      'Si nous signons ce trimestre, je peux obtenir une réduction de {discount}% la première année.',
      'Il existe aussi une remise pour les start-up que nous pourrions étudier.',
    ],
    customer: [
      'Y a-t-il une marge de manœuvre sur une remise ?',
      'Il nous faudrait au moins {discount}% de réduction pour que ça passe.',
      "D'autres fournisseurs nous ont accordé une remise bien plus importante.",
    ],
    question: ['Une remise pluriannuelle vous intéresserait-elle ?', 'Si je vous obtiens {discount}% de réduction, cela vous aiderait-il ?'],
  },
  churn: {
    agent: [
      'Je comprends que vous pensez résilier, et je veux régler ça avant votre renouvellement.',
      'Avant de décider de résilier, laissez-moi vous montrer ce qui a changé.',
      'Nous ne voulons pas vous perdre, voyons ce que je peux faire pour éviter une résiliation.',
    ],
    customer: [
      'Franchement, nous envisageons de résilier notre abonnement.',
      'Le renouvellement arrive dans {months} mois et nous pensons résilier.',
      "La moitié de l'équipe ne l'utilise plus, la résiliation est sur la table.",
    ],
    question: ['Que faudrait-il changer pour éviter une résiliation ?', 'Avez-vous déjà décidé de résilier ?'],
  },
  next_steps: {
    agent: [
      'Comme prochaines étapes, je vous envoie un résumé et une proposition avant {day}.',
      'Planifions une démo de suivi avec votre équipe {day} prochain.',
      'Je vais planifier trente minutes avec votre responsable informatique pour le suivi technique.',
    ],
    customer: [
      'Envoyez-moi les prochaines étapes par écrit et je les partagerai en interne.',
      "Planifions un suivi quand j'aurai parlé à mon responsable.",
      "Pouvons-nous planifier une démo de suivi pour toute l'équipe {day} prochain ?",
    ],
    question: ['Quelles sont les prochaines étapes de votre côté ?', "Qui d'autre devrait participer à l'appel de suivi ?"],
  },
  onboarding: {
    agent: [
      "Le déploiement prend en général environ {weeks} semaines jusqu'à la mise en production.",
      'Vous aurez un responsable du déploiement dédié et des sessions de formation en direct.',
      "Nous nous occupons de la mise en place et de l'import des données pendant l'onboarding.",
    ],
    customer: [
      'Le déploiement de notre dernier outil a été pénible, donc je suis inquiet.',
      'Combien de formation faudra-t-il aux commerciaux ?',
      'La mise en place doit être terminée avant le prochain trimestre.',
    ],
    question: ['Qui piloterait le déploiement de votre côté ?', "Combien de personnes ont besoin d'une formation dans la première vague ?"],
  },
  integration: {
    agent: [
      'Nous avons une intégration native avec {integration} qui se synchronise toutes les quelques minutes.',
      "Notre API ouverte permet à vos développeurs d'intégrer vos outils internes.",
      'La configuration de notre intégration avec {integration} prend une heure environ.',
    ],
    customer: [
      "Une intégration avec {integration} est indispensable, ce n'est pas négociable.",
      "Nos ingénieurs s'inquiètent de maintenir une autre intégration API.",
      'Nous avons eu des problèmes avec une intégration {integration} dans notre ancien outil.',
    ],
    question: ['Avec quels systèmes devrions-nous nous intégrer ?', "Avez-vous des développeurs pour aider sur l'intégration API ?"],
  },
  security: {
    agent: [
      'Nous sommes certifiés {cert} et toutes les données sont chiffrées au repos et en transit.',
      'Le SSO et les droits de sécurité par rôle sont inclus en standard.',
      "Je peux vous envoyer notre livre blanc sécurité et le dernier rapport de test d'intrusion.",
    ],
    customer: [
      "Notre équipe sécurité devra d'abord examiner le questionnaire.",
      'Il nous faut le SSO et le chiffrement des données avant toute mise en production.',
      "L'hébergement des données dans l'UE est une exigence de sécurité absolue pour nous.",
    ],
    question: ['Votre équipe sécurité a-t-elle un questionnaire standard ?', 'Quelles certifications de sécurité exigez-vous ?'],
  },
  legal: {
    agent: [
      'Notre contrat standard est un engagement de douze mois avec une clause de renouvellement simple.',
      "Je peux transmettre aujourd'hui notre accord de traitement des données à votre service juridique.",
      'Les revues juridiques vont vite car notre contrat est assez standard.',
    ],
    customer: [
      'Le service juridique doit relire le contrat avant toute signature.',
      'Nos avocats ont relevé la clause de responsabilité du contrat.',
      'La revue juridique de notre côté peut prendre quelques semaines.',
    ],
    question: ['À qui dois-je envoyer le contrat au service juridique ?', 'Y a-t-il des clauses du contrat que votre juridique conteste souvent ?'],
  },
  support: {
    agent: [
      'Notre support répond aux tickets en quatre heures les jours ouvrés.',
      "J'ai fait remonter votre ticket à nos ingénieurs support seniors.",
      'Vous aurez un contact support dédié et une ligne directe pour les incidents urgents.',
    ],
    customer: [
      'Nous avons ouvert un ticket au support il y a deux semaines et personne ne nous a répondu.',
      "Le tableau de bord est tombé deux fois ce mois-ci et le support n'avait aucune réponse.",
      "Le support est lent et l'incident n'est toujours pas résolu.",
    ],
    question: ['Pouvez-vous me donner le numéro du ticket support ?', "Quand l'incident a-t-il commencé, et avez-vous ouvert un ticket au support ?"],
  },
};
