import { deTopics } from './de-topics.js';
import type { PhraseBank } from './types.js';

export const de: PhraseBank = {
  managerLabel: 'Teamleiter',
  otherRoles: ['Solutions Engineer', 'Vertriebsleiterin', 'Customer Success'],
  otherNames: ['Lena', 'Jonas', 'Anna', 'Felix', 'Mia', 'Lukas'],
  weekdays: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'],
  thousands: '.',
  money: (amount) => `${amount} €`,
  greeting: {
    agent: [
      'Hallo {contact}, hier ist {agent} von {vendor}. Danke, dass Sie sich heute Zeit nehmen.',
      'Guten Morgen {contact}, {agent} von {vendor}. Wie läuft Ihre Woche?',
      'Hallo {contact}, {agent} von {vendor} hier. Passt es gerade noch?',
      'Guten Tag {contact}, ich bin {agent} und betreue Teams wie das von {company}.',
      'Hallo, {agent} von {vendor}. Schön, dass Sie den Anruf annehmen.',
    ],
    customer: [
      'Hallo {agent}, gut, danke.',
      'Hallo, schön, von Ihnen zu hören.',
      'Ja, jetzt passt es, legen Sie los.',
      'Hallo, danke für den Anruf. Ich habe etwa dreißig Minuten.',
      'Gut, danke. Volle Woche, aber gut.',
      'Hallo, ja, ich habe Ihren Anruf erwartet.',
    ],
  },
  inbound: {
    customer: [
      'Hallo, hier ist {contact} von {company}. Ich brauche Hilfe mit unserem Konto.',
      'Guten Tag, ich rufe an, weil bei uns etwas nicht funktioniert.',
      'Hallo, {contact} von {company}. Wir haben ein Problem, das ich melden muss.',
      'Hallo, hier ist {contact}. Ich versuche seit Tagen, jemanden zu erreichen.',
    ],
    agent: [
      'Danke für Ihren Anruf bei {vendor}, hier ist {agent}. Wie kann ich helfen?',
      'Hallo {contact}, {agent} hier. Das tut mir leid, schauen wir uns das gemeinsam an.',
      'Danke, dass Sie sich melden, {contact}. Erzählen Sie mir, was los ist.',
      'Hallo {contact}, ich habe Ihr Konto schon geöffnet. Was ist passiert?',
    ],
  },
  discovery: {
    agent: [
      'Wie handhabt Ihr Team das heute?',
      'Was hat Sie dazu gebracht, jetzt nach einer neuen Lösung zu suchen?',
      'Wie viele Vertriebler hat das Team im Moment?',
      'Wie sieht eine typische Woche für Ihre Führungskräfte aus?',
      'Was ist Ihre größte Herausforderung in diesem Quartal?',
      'Wie messen Sie derzeit die Gesprächsqualität?',
      'Wer ist noch an dieser Entscheidung beteiligt?',
      'Was passiert, wenn Sie das Problem dieses Jahr nicht lösen?',
      'Welche Tools nutzen Sie aktuell?',
      'Woran würden Sie in sechs Monaten einen Erfolg erkennen?',
    ],
    customer: [
      'Wir haben etwa {seats} Vertriebler an zwei Standorten.',
      'Im Moment hören sich unsere Teamleiter ein paar Aufnahmen pro Woche an.',
      'Die meisten Berichte erstellen wir von Hand in Tabellen.',
      'Die größte Herausforderung ist, dass neue Leute zu lange brauchen.',
      'Wir wissen eigentlich nicht, was in den Gesprächen passiert.',
      'Das Team ist schnell gewachsen und der Prozess kam nicht hinterher.',
      'Die endgültige Entscheidung treffe ich zusammen mit unserer Vertriebsleitung.',
      'Wir haben vor ein paar Jahren ein ähnliches Tool ausprobiert.',
      'Die Qualität schwankt stark von Person zu Person.',
      'Unsere Teamleiter sollen mehr coachen und weniger Berichte schreiben.',
    ],
  },
  pitch: [
    '{product} zeichnet jedes Gespräch automatisch auf und transkribiert es.',
    'Führungskräfte bekommen wöchentlich eine Zusammenfassung der Gespräche, die Aufmerksamkeit brauchen.',
    'Die Dashboards zeigen Redeanteil, Stimmung und Trends für jede Person im Team.',
    'Ihre Leute bekommen direkt nach jedem Gespräch konkrete Tipps.',
    'Die meisten Kunden sehen schon im ersten Quartal Ergebnisse.',
    'Sie können jedes Gespräch in Sekunden nach Stichworten durchsuchen.',
    '{product} markiert die Momente, in denen Deals normalerweise kippen.',
    'Alles läuft im Browser, es muss nichts installiert werden.',
  ],
  objection: [
    'Ich verstehe, das ist ein berechtigter Einwand.',
    'Das ist eine häufige Frage, gut, dass Sie sie ansprechen.',
    'Verstehe, lassen Sie mich direkt darauf eingehen.',
    'Absolut nachvollziehbar, viele Teams fragen genau das.',
    'Danke, dass Sie das so offen sagen.',
  ],
  handling: [
    'So haben andere Teams genau das gelöst.',
    'Wir können mit einem kleinen Pilotprojekt starten, um das Risiko zu senken.',
    'Ich kann Ihnen eine Referenz aus Ihrer Branche vermitteln.',
    'Ich schreibe Ihnen das auf, damit Ihr Team es prüfen kann.',
    'Wir können den Plan an Ihren Zeitplan anpassen.',
    'Ich ziehe eine Spezialistin hinzu, die die Details beantworten kann.',
  ],
  topics: deTopics,
  moods: {
    veryNegative: [
      'Das ist nicht das, was uns versprochen wurde.',
      'Ehrlich gesagt war das eine furchtbare Erfahrung.',
      'Ich bin wirklich frustriert und enttäuscht.',
      'Das ist völlig inakzeptabel.',
      'Wir sind sehr unzufrieden damit, wie das gelaufen ist.',
    ],
    negative: [
      'Ehrlich gesagt bin ich nicht überzeugt.',
      'Das macht mir etwas Sorgen.',
      'Das klingt kompliziert.',
      'Ich bezweifle, dass das bei uns funktioniert.',
      'Das ist ein Problem für uns.',
    ],
    neutral: ['Okay, verstehe.', 'Verstanden.', 'Das ergibt Sinn.', 'Darüber muss ich nachdenken.', 'In Ordnung, weiter.'],
    positive: ['Das klingt gut.', 'Das gefällt mir.', 'Das ist hilfreich, danke.', 'Schön, das würde uns helfen.', 'Das ist interessant.'],
    veryPositive: [
      'Das ist fantastisch, genau das, was wir brauchen.',
      'Das finde ich super, das Team wird begeistert sein.',
      'Wow, das ist großartig.',
      'Das passt perfekt zu uns.',
      'Ausgezeichnet, ich bin wirklich beeindruckt.',
    ],
  },
  closing: {
    won: {
      agent: [
        'Fantastisch, ich schicke Ihnen heute Nachmittag das Bestellformular.',
        'Willkommen an Bord, {contact}. Ich stelle Ihnen morgen das Team vor, das Sie beim Start begleitet.',
        'Schön, mit Ihnen zu arbeiten, bis bald.',
      ],
      customer: [
        'Perfekt, machen wir weiter. Ich bin sehr zufrieden.',
        'Super, wir sind bereit zu unterschreiben. Danke für Ihre Hilfe.',
        'Das ist genau das, was wir gebraucht haben, machen wir es.',
      ],
    },
    progressing: {
      agent: [
        'Prima, ich schicke eine Zusammenfassung und wir machen am {day} weiter.',
        'Danke {contact}, ich bereite ein Angebot für das Team vor.',
        'Vielen Dank für Ihre Zeit heute, {contact}.',
      ],
      customer: [
        'Klingt gut, das ist vielversprechend.',
        'Mir gefällt, was ich bisher gesehen habe, lassen Sie uns weiterreden.',
        'Gut, ich teile das mit dem Team und melde mich.',
      ],
    },
    stalled: {
      agent: [
        'Kein Problem, ich melde mich in ein paar Wochen wieder.',
        'Verstanden, die Tür bleibt offen.',
        'Danke für Ihre Zeit, {contact}.',
      ],
      customer: [
        'Wir brauchen etwas Zeit, um darüber nachzudenken.',
        'Das hat gerade keine Priorität, vielleicht später im Jahr.',
        'Ich kann mich im Moment auf nichts festlegen.',
      ],
    },
    lost: {
      agent: [
        'Verstehe. Wenn sich etwas ändert, wissen Sie, wo Sie mich finden.',
        'Danke für Ihre Ehrlichkeit, {contact}.',
        'Schade, aber danke, dass Sie es mir sagen.',
      ],
      customer: [
        'Es passt leider einfach nicht zu uns.',
        'Wir werden das nicht weiterverfolgen.',
        'Tut mir leid, aber das funktioniert für uns nicht.',
      ],
    },
    churn_risk: {
      agent: [
        'Ich melde mich bis {day} persönlich mit einem Update.',
        'Mal sehen, was wir vor Ihrem Verlängerungstermin tun können.',
        'Entschuldigen Sie die Umstände, {contact}. Ich bringe das in Ordnung.',
      ],
      customer: [
        'Wir werden sehen, aber ich brauche echte Verbesserungen.',
        'Ich bespreche mit dem Team, ob wir bleiben.',
        'Ich gebe Ihnen noch einen Monat, mehr nicht.',
      ],
    },
  },
  lostReasons: {
    pricing: ['Das ist viel zu teuer für uns.', 'Der Preis ist für uns einfach zu hoch.'],
    competitor: ['Wir gehen wahrscheinlich zur Konkurrenz.', 'Tut mir leid, aber wir haben uns für {competitor} entschieden, einen Ihrer Wettbewerber.'],
  },
  styles: {
    talker: [
      'Lassen Sie mich erzählen, wie einer unserer größten Kunden das in drei Regionen eingeführt hat.',
      'Ich sage immer, die Dashboards sind nur der Anfang, der eigentliche Wert liegt im Coaching.',
      'Ich könnte den ganzen Tag darüber reden, aber kurz gesagt werden Teams viel schneller produktiv.',
      'Und was ich an {product} besonders mag, ist, wie schnell Führungskräfte damit arbeiten.',
    ],
    listener: [
      'Erzählen Sie mir mehr darüber?',
      'Wie sieht Ihr Team das?',
      'Wie würde ein ideales Ergebnis für Sie aussehen?',
      'Können Sie mir schildern, wann das zuletzt passiert ist?',
      'Was beschäftigt Sie sonst noch?',
    ],
    balanced: [
      'Lassen Sie mich kurz sicherstellen, dass ich Sie richtig verstanden habe.',
      'Zusammengefasst ist Ihr Hauptziel also weniger manuelle Berichte.',
      'Das ergibt Sinn und deckt sich mit dem, was ähnliche Teams berichten.',
    ],
    pushy_closer: [
      'Dieses Angebot gilt nur bis {day}, ich würde es jetzt festmachen.',
      'Können wir das heute noch unterschreiben?',
      'Ehrlich gesagt wird es durch Warten nur schwieriger.',
      'Ich brauche bis {day} ein Ja oder Nein von Ihnen.',
    ],
    rookie: [
      'Äh, Moment, ich schaue kurz in meine Notizen.',
      'Gute Frage, das muss ich mit meinem Team klären.',
      'Ähm, ich glaube, das stimmt, aber ich prüfe es noch.',
      'Entschuldigung, ich bin noch ziemlich neu hier.',
    ],
  },
  fillers: ['Mhm.', 'Genau.', 'Okay.', 'Ja.', 'Hm.', '...'],
  other: [
    'Kurz zur Technik, die Daten werden alle fünf Minuten aktualisiert.',
    'Wenn ich kurz einhaken darf, solche Teams sehen wir sehr oft.',
    'Aus Sicht der Entwicklung ist das vollständig unterstützt.',
    'Gerne mache ich nächste Woche eine ausführlichere technische Session.',
  ],
  short: {
    agent: [
      'Hallo {contact}, hier ist {agent} von {vendor}, passt es gerade?',
      'Hallo, {agent} von {vendor}, ich melde mich wegen meiner E-Mail.',
    ],
    customer: [
      'Tut mir leid, ich bin in einem Meeting, können Sie später anrufen?',
      'Gerade schlecht, schicken Sie mir lieber eine E-Mail.',
      'Können wir das nächste Woche machen? Heute ist es chaotisch.',
    ],
    goodbye: [
      'Kein Problem, ich plane einen neuen Termin für nächsten {day}.',
      'Natürlich, ich schicke Ihnen eine E-Mail mit ein paar Vorschlägen für einen Termin.',
    ],
  },
};
