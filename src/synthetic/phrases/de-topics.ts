import type { Topic } from '../types.js';
import type { TopicPhrases } from './types.js';

/** German topic phrases; every line names its topic's vocabulary. */
export const deTopics: Readonly<Record<Topic, TopicPhrases>> = {
  pricing: {
    agent: [
      'Unser Preis liegt bei {price} pro Nutzer und Monat, jährlich abgerechnet.',
      'Für {seats} Nutzer liegen die Kosten bei etwa {total} pro Jahr.',
      'Die Enterprise-Variante hat einen höheren Preis, enthält aber erweiterte Berichte.',
    ],
    customer: [
      'Der Preis liegt über dem, was wir im Budget eingeplant haben.',
      'Wir haben dieses Jahr etwa {total} Budget zur Verfügung.',
      'Ich muss die gesamten Kosten kennen, bevor ich damit zur Finanzabteilung gehe.',
    ],
    question: ['Mit welchem Budget planen Sie dieses Jahr?', 'Passt ein Preis von {price} pro Nutzer für Ihre Finanzabteilung?'],
  },
  competitor: {
    agent: [
      'Im Vergleich zu {competitor} ist unsere Gesprächsbewertung deutlich genauer als bei der Konkurrenz.',
      'Viele Teams wechseln vom Wettbewerber {competitor} zu uns, wegen der Berichte.',
      'Ich kann Ihnen gern einen Vergleich mit {competitor} und anderen Wettbewerbern erstellen.',
    ],
    customer: [
      'Wir sprechen gerade auch mit {competitor}, einem Ihrer Wettbewerber.',
      '{competitor} aus der Konkurrenz hat uns etwas Ähnliches günstiger angeboten.',
      'Ein anderes Team nutzt schon {competitor}, die Konkurrenz ist intern also gesetzt.',
    ],
    question: ['Welche anderen Anbieter aus dem Wettbewerb prüfen Sie gerade?', 'Was gefällt Ihnen bisher an {competitor} im Vergleich zur Konkurrenz?'],
  },
  discount: {
    agent: [
      'Ich kann Ihnen {discount}% Rabatt geben, wenn Sie für zwei Jahre unterschreiben.',
      'Wenn wir in diesem Quartal abschließen, bekommen Sie {discount}% Rabatt im ersten Jahr.',
      'Es gibt auch einen Start-up-Rabatt, den wir prüfen könnten.',
    ],
    customer: [
      'Gibt es beim Rabatt noch Spielraum?',
      'Wir bräuchten mindestens {discount}% Nachlass, damit das passt.',
      'Andere Anbieter haben uns einen viel höheren Rabatt gegeben.',
    ],
    question: ['Wäre ein Rabatt für mehrere Jahre für Sie interessant?', 'Wenn ich Ihnen {discount}% Rabatt besorge, würde das helfen?'],
  },
  churn: {
    agent: [
      'Ich verstehe, dass Sie über eine Kündigung nachdenken, und möchte das vor Ihrer Verlängerung lösen.',
      'Bevor Sie kündigen, zeige ich Ihnen, was sich geändert hat.',
      'Wir möchten Sie nicht verlieren, also schauen wir, wie wir eine Kündigung vermeiden.',
    ],
    customer: [
      'Ehrlich gesagt überlegen wir, unser Abo zu kündigen.',
      'Die Verlängerung steht in {months} Monaten an und wir überlegen zu kündigen.',
      'Die Hälfte des Teams nutzt es nicht mehr, eine Kündigung liegt nahe.',
    ],
    question: ['Was müsste sich ändern, damit Sie nicht kündigen?', 'Ist die Kündigung schon beschlossen?'],
  },
  next_steps: {
    agent: [
      'Als nächste Schritte schicke ich Ihnen bis {day} eine Zusammenfassung und ein Angebot.',
      'Lassen Sie uns für nächsten {day} einen Termin mit Ihrem Team vereinbaren.',
      'Als nächsten Schritt plane ich einen Termin von dreißig Minuten mit Ihrer IT-Leitung.',
    ],
    customer: [
      'Schicken Sie mir die nächsten Schritte schriftlich, dann teile ich sie intern.',
      'Lassen Sie uns einen neuen Termin machen, wenn ich mit meinem Chef gesprochen habe.',
      'Können wir für nächsten {day} einen Termin für eine Demo mit dem ganzen Team machen?',
    ],
    question: ['Was sind die nächsten Schritte auf Ihrer Seite?', 'Wer sollte beim nächsten Termin noch dabei sein?'],
  },
  onboarding: {
    agent: [
      'Das Onboarding dauert meist etwa {weeks} Wochen vom Kickoff bis zum Go-live.',
      'Sie bekommen eine feste Ansprechperson für das Onboarding und Live-Schulungen für das Team.',
      'Wir übernehmen die Einrichtung und den Datenimport während der Einführung.',
    ],
    customer: [
      'Die Einführung unseres letzten Tools war mühsam, deshalb mache ich mir Sorgen.',
      'Wie viel Schulung brauchen die Vertriebler beim Onboarding?',
      'Die Einführung muss vor dem neuen Quartal abgeschlossen sein.',
    ],
    question: ['Wer würde das Onboarding auf Ihrer Seite verantworten?', 'Wie viele Personen brauchen in der ersten Runde eine Schulung?'],
  },
  integration: {
    agent: [
      'Wir haben eine native Integration mit {integration}, die alle paar Minuten synchronisiert.',
      'Über unsere offene API kann Ihre Entwicklung alles intern integrieren.',
      'Die Integration mit {integration} ist in etwa einer Stunde eingerichtet.',
    ],
    customer: [
      'Die Anbindung an {integration} ist Pflicht, das ist nicht verhandelbar.',
      'Unsere Entwickler haben Bedenken, noch eine API-Schnittstelle zu pflegen.',
      'Mit der {integration}-Integration unseres alten Tools hatten wir Probleme.',
    ],
    question: ['Welche Systeme bräuchten eine Integration oder Schnittstelle?', 'Haben Sie Entwickler, die bei der API-Integration helfen können?'],
  },
  security: {
    agent: [
      'Wir sind {cert} zertifiziert und alle Daten sind im Ruhezustand und bei der Übertragung verschlüsselt.',
      'SSO und rollenbasierte Sicherheitsrechte sind standardmäßig enthalten.',
      'Ich schicke Ihnen gern unser Whitepaper zur Sicherheit und den letzten Penetrationstest.',
    ],
    customer: [
      'Unser Team für Sicherheit muss zuerst den Fragebogen prüfen.',
      'Wir brauchen SSO und verschlüsselte Daten, bevor etwas live geht.',
      'Datenhaltung in der EU ist für uns bei der Sicherheit ein Muss.',
    ],
    question: ['Hat Ihr Team für Sicherheit einen Standardfragebogen?', 'Welche Zertifizierungen zur Sicherheit setzen Sie voraus?'],
  },
  legal: {
    agent: [
      'Unser Vertrag läuft standardmäßig zwölf Monate mit einer einfachen Verlängerungsklausel.',
      'Ich kann Ihrer Rechtsabteilung heute unseren Vertrag zur Auftragsverarbeitung schicken.',
      'Die juristische Prüfung geht meist schnell, weil unser Vertrag recht standardisiert ist.',
    ],
    customer: [
      'Die Rechtsabteilung muss den Vertrag prüfen, bevor wir etwas unterschreiben.',
      'Unsere Juristen haben die Haftungsklausel im Vertrag markiert.',
      'Die juristische Prüfung des Vertrags kann bei uns ein paar Wochen dauern.',
    ],
    question: ['An wen in der Rechtsabteilung soll ich den Vertrag schicken?', 'Gibt es Vertragsklauseln, bei denen Ihre Rechtsabteilung oft nachverhandelt?'],
  },
  support: {
    agent: [
      'Unser Support beantwortet Tickets innerhalb von vier Stunden an Werktagen.',
      'Ich habe Ihr Ticket an unsere erfahrensten Support-Techniker eskaliert.',
      'Sie bekommen eine feste Ansprechperson im Support und eine Direktleitung für dringende Tickets.',
    ],
    customer: [
      'Wir haben vor zwei Wochen ein Support-Ticket eröffnet und niemand hat geantwortet.',
      'Das Dashboard war diesen Monat zweimal ausgefallen und der Support hatte keine Antwort.',
      'Der Support ist langsam und die Störung ist immer noch nicht behoben.',
    ],
    question: ['Können Sie mir die Nummer des Support-Tickets geben?', 'Wann hat die Störung angefangen, und gibt es ein Support-Ticket?'],
  },
};
