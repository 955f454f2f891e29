import { esTopics } from './es-topics.js';
import type { PhraseBank } from './types.js';

export const es: PhraseBank = {
  managerLabel: 'Gerente',
  otherRoles: ['Preventa', 'Director Comercial', 'Soporte Técnico'],
  otherNames: ['Lucía', 'Javier', 'Marta', 'Diego', 'Carmen', 'Pablo'],
  weekdays: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes'],
  thousands: '.',
  money: (amount) => `${amount} €`,
  greeting: {
    agent: [
      'Hola {contact}, soy {agent} de {vendor}. Gracias por tu tiempo hoy.',
      'Buenos días {contact}, te habla {agent} de {vendor}. ¿Qué tal la semana?',
      'Hola {contact}, soy {agent}, de {vendor}. ¿Sigue siendo un buen momento?',
      'Buenas tardes {contact}. Soy {agent} y trabajo con equipos como el de {company}.',
      'Hola, te llamo de {vendor}, soy {agent}. Te agradezco que atiendas la llamada.',
    ],
    customer: [
      'Hola {agent}, muy bien, gracias.',
      'Hola, qué gusto escucharte.',
      'Sí, ahora me viene bien, adelante.',
      'Hola, gracias por llamar. Tengo unos treinta minutos.',
      'Bien, gracias. Una semana intensa, pero bien.',
      'Hola, sí, estaba esperando tu llamada.',
    ],
  },
  inbound: {
    customer: [
      'Hola, soy {contact} de {company}. Necesito ayuda con nuestra cuenta.',
      'Buenas, llamo porque algo no funciona en nuestro lado.',
      'Hola, soy {contact}, de {company}. Tenemos un problema que quiero comentar.',
      'Hola, soy {contact}. Llevo días intentando hablar con alguien.',
    ],
    agent: [
      'Gracias por llamar a {vendor}, soy {agent}. ¿En qué puedo ayudarte?',
      'Hola {contact}, soy {agent}. Siento mucho lo ocurrido, vamos a revisarlo juntos.',
      'Gracias por contactarnos, {contact}. Cuéntame qué está pasando.',
      'Hola {contact}, ya tengo tu cuenta abierta. Explícame qué ha ocurrido.',
    ],
  },
  discovery: {
    agent: [
      '¿Cómo gestiona esto tu equipo hoy en día?',
      '¿Qué os llevó a buscar una nueva solución ahora?',
      '¿Cuántos comerciales tiene el equipo ahora mismo?',
      '¿Cómo es una semana típica para vuestros responsables?',
      '¿Cuál es el mayor reto que tenéis este trimestre?',
      '¿Cómo medís ahora la calidad de las llamadas?',
      '¿Quién más participa en esta decisión?',
      '¿Qué pasa si no resolvéis este problema este año?',
      '¿Qué herramientas usáis actualmente?',
      '¿Cómo sería el éxito dentro de seis meses?',
    ],
    customer: [
      'Tenemos unos {seats} comerciales repartidos en dos oficinas.',
      'Ahora mismo nuestros responsables escuchan unas pocas grabaciones a la semana.',
      'Casi todos los informes los hacemos a mano en hojas de cálculo.',
      'El reto principal es que los nuevos tardan demasiado en arrancar.',
      'No tenemos mucha visibilidad de lo que pasa en las llamadas.',
      'El equipo creció muy rápido y el proceso no nos acompañó.',
      'La decisión final la tomo yo, junto con nuestro director comercial.',
      'Probamos una herramienta parecida hace un par de años.',
      'La calidad varía mucho de un comercial a otro.',
      'Queremos que los responsables dediquen más tiempo a formar y menos a los informes.',
    ],
  },
  pitch: [
    '{product} graba y transcribe cada llamada automáticamente.',
    'Los responsables reciben cada semana un resumen de las llamadas que requieren atención.',
    'Los paneles muestran la proporción de habla, el sentimiento y la evolución de cada comercial.',
    'Los comerciales reciben consejos justo después de cada llamada.',
    'La mayoría de clientes ve resultados en el primer trimestre.',
    'Puedes buscar cualquier conversación por palabra clave en segundos.',
    '{product} señala los momentos en los que se suelen perder las oportunidades.',
    'Funciona en inglés, español, francés y alemán desde el primer día.',
    'Todo funciona en el navegador, no hay nada que instalar.',
  ],
  objection: [
    'Te entiendo, es una preocupación razonable.',
    'Es una pregunta habitual y me alegra que la plantees.',
    'Lo entiendo, déjame responder a eso directamente.',
    'Totalmente lógico, muchos equipos preguntan lo mismo.',
    'Gracias por decírmelo con claridad.',
  ],
  handling: [
    'Te cuento cómo lo resolvieron otros equipos.',
    'Podemos empezar con un piloto pequeño para reducir el riesgo.',
    'Puedo ponerte en contacto con un cliente de tu sector.',
    'Lo pongo por escrito para que tu equipo lo revise.',
    'Podemos ajustar el plan a vuestros plazos.',
    'Voy a incluir a un especialista que puede responder los detalles.',
  ],
  topics: esTopics,
  moods: {
    veryNegative: [
      'Esto no es lo que nos prometieron.',
      'Sinceramente, ha sido una experiencia terrible.',
      'Estoy muy frustrado y decepcionado.',
      'Esto es totalmente inaceptable.',
      'Estamos muy descontentos con cómo ha ido todo.',
    ],
    negative: [
      'No me convence, la verdad.',
      'Eso me preocupa un poco.',
      'Suena complicado.',
      'Dudo que esto funcione para nosotros.',
      'Eso es un problema para nosotros.',
    ],
    neutral: ['Vale, entiendo.', 'Entendido.', 'Tiene sentido.', 'Déjame pensarlo.', 'De acuerdo, sigue.'],
    positive: [
      'Eso suena bien.',
      'Me gusta.',
      'Muy útil, gracias.',
      'Bien, eso nos ayudaría.',
      'Es interesante.',
    ],
    veryPositive: [
      'Es fantástico, justo lo que necesitamos.',
      'Me encanta, el equipo estará encantado.',
      'Esto es genial.',
      'Es perfecto para nosotros.',
      'Excelente, estoy muy impresionado.',
    ],
  },
  closing: {
    won: {
      agent: [
        'Fantástico, te envío el pedido esta misma tarde.',
        'Bienvenidos, {contact}. Te presento mañana al equipo que os acompañará al principio.',
        'Un placer trabajar con vosotros, hablamos pronto.',
      ],
      customer: [
        'Perfecto, adelante. Estoy muy contento con esto.',
        'Genial, estamos listos para firmar. Gracias por toda tu ayuda.',
        'Es justo lo que necesitábamos, hagámoslo.',
      ],
    },
    progressing: {
      agent: [
        'Genial, te envío un resumen y lo retomamos el {day}.',
        'Gracias {contact}, prepararé una propuesta para el equipo.',
        'Te agradezco mucho el tiempo de hoy, {contact}.',
      ],
      customer: [
        'Me parece bien, esto pinta prometedor.',
        'Me gusta lo que he visto, sigamos hablando.',
        'Bien, lo comparto con el equipo y te digo algo.',
      ],
    },
    stalled: {
      agent: [
        'Sin problema, vuelvo a llamarte en unas semanas.',
        'Entendido, dejamos la puerta abierta.',
        'Gracias por tu tiempo, {contact}.',
      ],
      customer: [
        'Necesitamos algo de tiempo para pensarlo.',
        'Ahora mismo no es prioridad, quizá más adelante este año.',
        'No puedo comprometerme a nada por ahora.',
      ],
    },
    lost: {
      agent: [
        'Lo entiendo. Si algo cambia, ya sabes dónde encontrarme.',
        'Gracias por ser sincero conmigo, {contact}.',
        'Siento oír eso, pero te agradezco que me lo digas.',
      ],
      customer: [
        'Por desgracia, no encaja con lo que buscamos.',
        'No vamos a seguir adelante con esto.',
        'Lo siento, pero esto no nos va a funcionar.',
      ],
    },
    churn_risk: {
      agent: [
        'Me encargaré personalmente de que esté resuelto antes del {day}.',
        'Déjame ver qué podemos hacer antes de tu fecha de renovación.',
        'Siento las molestias, {contact}. Lo vamos a solucionar.',
      ],
      customer: [
        'Ya veremos, pero necesito ver mejoras reales.',
        'Lo hablaré con el equipo para decidir si seguimos.',
        'Os doy un mes más, pero nada más.',
      ],
    },
  },
  lostReasons: {
    pricing: ['Esto es demasiado caro para nosotros.', 'El precio es simplemente demasiado alto para nosotros.'],
    competitor: ['Probablemente nos quedemos con otro proveedor.', 'Lo siento, pero nos vamos con la competencia, con {competitor}.'],
  },
  styles: {
    talker: [
      'Déjame contarte cómo uno de nuestros clientes más grandes lo desplegó en tres regiones.',
      'Yo siempre digo que los paneles son solo el principio, el valor real está en el ciclo de mejora.',
      'Podría hablar de esto todo el día, pero en resumen los equipos arrancan mucho más rápido.',
      'Y otra cosa que me encanta de {product} es lo rápido que lo adoptan los responsables.',
    ],
    listener: [
      '¿Me cuentas un poco más sobre eso?',
      '¿Cómo lo vive tu equipo?',
      '¿Cómo sería un resultado ideal para vosotros?',
      '¿Me explicas la última vez que pasó?',
      '¿Qué más te preocupa?',
    ],
    balanced: [
      'Déjame asegurarme de que te he entendido bien.',
      'Resumiendo lo que he oído, el objetivo principal es reducir los informes manuales.',
      'Tiene sentido y coincide con lo que nos cuentan equipos parecidos.',
    ],
    pushy_closer: [
      'Esta oferta solo es válida hasta el {day}, yo la cerraría ya.',
      '¿Podemos firmar hoy mismo?',
      'Sinceramente, esperar solo os va a costar más.',
      'Necesito un sí o un no antes del {day}.',
    ],
    rookie: [
      'Perdona, déjame mirar mis notas.',
      'Buena pregunta, tengo que confirmarlo con mi equipo.',
      'Eh, creo que es así, pero déjame confirmarlo.',
      'Perdona, todavía soy bastante nuevo aquí.',
    ],
  },
  fillers: ['Ajá.', 'Vale.', 'Claro.', 'Sí.', 'Mmm.', '...'],
  other: [
    'Solo para añadir un detalle técnico, la sincronización se hace cada cinco minutos.',
    'Si me permitís, vemos esta configuración muy a menudo.',
    'Desde ingeniería, eso está totalmente soportado.',
    'Puedo hacer una sesión técnica más profunda la semana que viene.',
  ],
  short: {
    agent: [
      'Hola {contact}, soy {agent} de {vendor}, ¿es buen momento?',
      'Hola, soy {agent} de {vendor}, te llamo por el correo que te envié.',
    ],
    customer: [
      'Perdona, estoy en una reunión, ¿puedes llamarme luego?',
      'Ahora no puedo, mejor envíame un correo.',
      '¿Lo vemos la semana que viene? Hoy es imposible.',
    ],
    goodbye: [
      'Sin problema, programo un seguimiento para el próximo {day}.',
      'Claro, te envío un correo de seguimiento con algunas horas disponibles.',
    ],
  },
};
