import { frTopics } from './fr-topics.js';
import type { PhraseBank } from './types.js';

export const fr: PhraseBank = {
  managerLabel: 'Responsable',
  otherRoles: ['Avant-Vente', 'Directeur Commercial', 'Support Client'],
  otherNames: ['Camille', 'Julien', 'Léa', 'Thomas', 'Chloé', 'Nicolas'],
  weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'],
  thousands: '\u202f',
  money: (amount) => `${amount} €`,
  greeting: {
    agent: [
      "Bonjour {contact}, c'est {agent} de {vendor}. Merci de prendre le temps aujourd'hui.",
      "Bonjour {contact}, {agent} de {vendor} à l'appareil. Comment se passe votre semaine ?",
      "Bonjour {contact}, ici {agent} de chez {vendor}. C'est toujours un bon moment ?",
      "Bonjour {contact}, je suis {agent} et j'accompagne des équipes comme celle de {company}.",
      "Bonjour, {agent} de {vendor}. Merci d'avoir accepté cet appel.",
    ],
    customer: [
      'Bonjour {agent}, très bien, merci.',
      'Bonjour, ravi de vous entendre.',
      "Oui, c'est bon pour moi, allez-y.",
      "Bonjour, merci d'appeler. J'ai une trentaine de minutes.",
      'Bien, merci. Semaine chargée, mais ça va.',
      "Bonjour, oui, j'attendais votre appel.",
    ],
  },
  inbound: {
    customer: [
      "Bonjour, c'est {contact} de {company}. J'ai besoin d'aide avec notre compte.",
      "Bonjour, j'appelle parce que quelque chose ne fonctionne pas chez nous.",
      'Bonjour, {contact} de {company}. Nous avons un problème à signaler.',
      "Bonjour, c'est {contact}. J'essaie de joindre quelqu'un depuis des jours.",
    ],
    agent: [
      "Merci d'avoir appelé {vendor}, ici {agent}. Comment puis-je vous aider ?",
      "Bonjour {contact}, {agent} à l'appareil. Je suis désolé, regardons ça ensemble.",
      'Merci de nous contacter, {contact}. Expliquez-moi ce qui se passe.',
      "Bonjour {contact}, j'ai votre compte sous les yeux. Racontez-moi ce qui s'est passé.",
    ],
  },
  discovery: {
    agent: [
      "Comment votre équipe gère-t-elle cela aujourd'hui ?",
      "Qu'est-ce qui vous a poussé à chercher une nouvelle solution maintenant ?",
      "Combien de commerciaux compte l'équipe actuellement ?",
      'À quoi ressemble une semaine type pour vos managers ?',
      'Quel est votre plus grand défi ce trimestre ?',
      'Comment mesurez-vous la qualité des appels en ce moment ?',
      "Qui d'autre participe à cette décision ?",
      "Que se passe-t-il si ce problème n'est pas réglé cette année ?",
      'Quels outils utilisez-vous actuellement ?',
      'À quoi ressemblerait le succès dans six mois ?',
    ],
    customer: [
      'Nous avons environ {seats} commerciaux répartis sur deux bureaux.',
      "Aujourd'hui nos managers écoutent quelques enregistrements par semaine.",
      'La plupart de nos rapports sont faits à la main dans des tableurs.',
      "Le principal défi, c'est que les nouveaux mettent trop de temps à monter en compétence.",
      "Nous n'avons pas vraiment de visibilité sur ce qui se passe pendant les appels.",
      "L'équipe a grandi vite et le processus n'a pas tenu le rythme.",
      'Je prendrai la décision finale avec notre directeur commercial.',
      'Nous avons essayé un outil similaire il y a deux ans.',
      "La qualité varie beaucoup d'un commercial à l'autre.",
      'Nous voulons que les managers passent plus de temps à accompagner et moins à faire des rapports.',
    ],
  },
  pitch: [
    '{product} enregistre et transcrit chaque appel automatiquement.',
    'Les managers reçoivent chaque semaine un résumé des appels qui demandent leur attention.',
    'Les tableaux de bord montrent le temps de parole, le sentiment et les tendances par commercial.',
    'Les commerciaux reçoivent des conseils juste après chaque appel.',
    'La plupart des clients voient des résultats dès le premier trimestre.',
    "Vous pouvez chercher n'importe quelle conversation par mot-clé en quelques secondes.",
    '{product} repère les moments où les affaires ont tendance à déraper.',
    "Tout fonctionne dans le navigateur, il n'y a rien à installer.",
  ],
  objection: [
    "Je vous entends, c'est une inquiétude légitime.",
    "C'est une question fréquente, et je suis content que vous la posiez.",
    'Je comprends, laissez-moi y répondre directement.',
    "C'est tout à fait normal, beaucoup d'équipes posent la même question.",
    'Merci de me le dire franchement.',
  ],
  handling: [
    "Voici comment d'autres équipes ont résolu exactement ce point.",
    'Nous pouvons commencer par un petit pilote pour limiter le risque.',
    'Je peux vous mettre en relation avec un client de votre secteur.',
    'Je vous le mets par écrit pour que votre équipe puisse le relire.',
    'Nous pouvons adapter le plan à votre calendrier.',
    'Je vais faire intervenir un spécialiste pour les détails.',
  ],
  topics: frTopics,
  moods: {
    veryNegative: [
      "Ce n'est pas ce qu'on nous avait promis.",
      'Franchement, ça a été une expérience terrible.',
      'Je suis vraiment frustré et déçu.',
      "C'est totalement inacceptable.",
      "Nous sommes très mécontents de la façon dont ça s'est passé.",
    ],
    negative: [
      'Je ne suis pas convaincu, pour être honnête.',
      "Ça m'inquiète un peu.",
      "Ça a l'air compliqué.",
      'Je doute que ça marche pour nous.',
      "C'est un problème pour nous.",
    ],
    neutral: ["D'accord, je vois.", 'Compris.', 'Ça se tient.', 'Laissez-moi y réfléchir.', 'Très bien, continuez.'],
    positive: ["Ça m'a l'air bien.", "J'aime bien ça.", "C'est utile, merci.", 'Bien, ça nous aiderait.', "C'est intéressant."],
    veryPositive: [
      "C'est fantastique, exactement ce qu'il nous faut.",
      "J'adore, l'équipe va être ravie.",
      "C'est génial.",
      "C'est parfait pour nous.",
      'Excellent, je suis vraiment impressionné.',
    ],
  },
  closing: {
    won: {
      agent: [
        'Parfait, je vous envoie le bon de commande cet après-midi.',
        "Bienvenue, {contact}. Je vous présente demain l'équipe qui va vous accompagner au démarrage.",
        'Ravi de travailler avec vous, à très bientôt.',
      ],
      customer: [
        'Parfait, on avance. Je suis vraiment content.',
        'Super, nous sommes prêts à signer. Merci pour votre aide.',
        "C'est exactement ce qu'il nous fallait, allons-y.",
      ],
    },
    progressing: {
      agent: [
        'Très bien, je vous envoie un récapitulatif et on reprend {day}.',
        "Merci {contact}, je prépare une proposition pour l'équipe.",
        "Merci beaucoup pour votre temps aujourd'hui, {contact}.",
      ],
      customer: [
        "Ça me va, c'est prometteur.",
        "J'aime ce que j'ai vu jusqu'ici, continuons à en parler.",
        "Bien, je partage ça avec l'équipe et je reviens vers vous.",
      ],
    },
    stalled: {
      agent: [
        'Pas de souci, je reviens vers vous dans quelques semaines.',
        'Entendu, la porte reste ouverte.',
        'Merci pour votre temps, {contact}.',
      ],
      customer: [
        'Nous avons besoin de temps pour y réfléchir.',
        "Ce n'est pas une priorité pour l'instant, peut-être plus tard dans l'année.",
        "Je ne peux m'engager sur rien pour le moment.",
      ],
    },
    lost: {
      agent: [
        'Je comprends. Si quelque chose change, vous savez où me trouver.',
        "Merci d'avoir été honnête avec moi, {contact}.",
        "Dommage, mais merci de me l'avoir dit.",
      ],
      customer: [
        "Malheureusement, ce n'est pas adapté à nos besoins.",
        "Nous n'allons pas aller plus loin.",
        'Désolé, mais ça ne va pas marcher pour nous.',
      ],
    },
    churn_risk: {
      agent: [
        'Je vous recontacte personnellement avant {day} avec des nouvelles.',
        'Voyons ce que nous pouvons faire avant votre date de renouvellement.',
        'Désolé pour ces désagréments, {contact}. Je vais arranger ça.',
      ],
      customer: [
        "On verra, mais j'ai besoin de voir une vraie amélioration.",
        "Je vais voir avec l'équipe si nous restons.",
        'Je vous laisse encore un mois, pas plus.',
      ],
    },
  },
  lostReasons: {
    pricing: ["C'est beaucoup trop cher pour nous.", 'Le prix est tout simplement trop élevé pour nous.'],
    competitor: ['Nous allons probablement choisir un concurrent.', 'Désolé, mais nous avons choisi {competitor}, votre concurrent.'],
  },
  styles: {
    talker: [
      "Laissez-moi vous raconter comment l'un de nos plus gros clients l'a déployé dans trois régions.",
      "Je dis toujours que les tableaux de bord ne sont que le début, la vraie valeur vient de l'accompagnement.",
      "Je pourrais en parler toute la journée, mais en bref les équipes deviennent efficaces bien plus vite.",
      "Et ce que j'adore aussi avec {product}, c'est la rapidité avec laquelle les managers l'adoptent.",
    ],
    listener: [
      "Pouvez-vous m'en dire plus ?",
      "Comment votre équipe le vit-elle ?",
      'À quoi ressemblerait un résultat idéal pour vous ?',
      "Pouvez-vous me raconter la dernière fois que c'est arrivé ?",
      "Qu'est-ce qui vous préoccupe d'autre ?",
    ],
    balanced: [
      'Laissez-moi vérifier que je vous ai bien compris.',
      "Pour résumer ce que j'ai entendu, l'objectif principal est de réduire les rapports manuels.",
      'Ça se tient, et ça correspond à ce que nous disent des équipes similaires.',
    ],
    pushy_closer: [
      "Cette offre n'est valable que jusqu'à {day}, je la bloquerais tout de suite.",
      "Est-ce qu'on peut signer aujourd'hui ?",
      'Franchement, attendre ne fera que compliquer les choses.',
      "J'ai besoin d'un oui ou d'un non avant {day}.",
    ],
    rookie: [
      'Euh, pardon, je regarde mes notes.',
      'Bonne question, je dois vérifier avec mon équipe.',
      "Euh, je crois que c'est ça, mais je vais confirmer.",
      'Désolé, je suis encore assez nouveau ici.',
    ],
  },
  fillers: ['Mm-hmm.', "D'accord.", 'Oui.', 'Hmm.', 'Ok.', '...'],
  other: [
    'Pour ajouter un détail technique, les données se mettent à jour toutes les cinq minutes.',
    'Si je peux me permettre, nous voyons très souvent cette configuration.',
    "Côté ingénierie, c'est entièrement pris en charge.",
    'Je peux animer une session technique plus poussée la semaine prochaine.',
  ],
  short: {
    agent: [
      "Bonjour {contact}, c'est {agent} de {vendor}, c'est un bon moment ?",
      'Bonjour, {agent} de {vendor}, je fais suite à mon e-mail.',
    ],
    customer: [
      'Désolé, je suis en réunion, vous pouvez rappeler plus tard ?',
      "Ce n'est pas le moment, envoyez-moi plutôt un e-mail.",
      "On peut voir ça la semaine prochaine ? Aujourd'hui c'est impossible.",
    ],
    goodbye: [
      'Pas de problème, je planifie un suivi pour {day} prochain.',
      "Bien sûr, je vous envoie un e-mail de suivi avec quelques créneaux.",
    ],
  },
};
