import type { Topic } from '../types.js';
import type { TopicPhrases } from './types.js';

/** Spanish topic phrases; every line names its topic's vocabulary. */
export const esTopics: Readonly<Record<Topic, TopicPhrases>> = {
  pricing: {
    agent: [
      'Nuestro precio es de {price} por usuario al mes, con facturación anual.',
      'Para {seats} usuarios el coste es de unos {total} al año.',
      'El plan Enterprise tiene un precio algo más alto, pero incluye informes avanzados.',
    ],
    customer: [
      'El precio es más alto de lo que teníamos en el presupuesto.',
      'Tenemos unos {total} de presupuesto reservados para este año.',
      'Necesito entender el coste total antes de llevarlo a finanzas.',
    ],
    question: ['¿Con qué presupuesto estáis trabajando este año?', '¿Un precio de {price} por usuario le encaja a finanzas?'],
  },
  competitor: {
    agent: [
      'Frente a {competitor}, nuestra evaluación de llamadas es mucho más precisa que la de la competencia.',
      'Muchos equipos se cambian desde {competitor}, nuestro competidor, por los informes.',
      'Puedo preparar una comparativa con {competitor} y el resto de la competencia.',
    ],
    customer: [
      'También estamos hablando con {competitor}, que es vuestra competencia.',
      'Un competidor, {competitor}, nos ofreció algo parecido por menos.',
      'Otro equipo ya usa {competitor}, así que hay presión de la competencia interna para unificar.',
    ],
    question: ['¿Qué otros proveedores de la competencia estáis evaluando?', '¿Qué os gusta de {competitor}, el competidor, hasta ahora?'],
  },
  discount: {
    agent: [
      'Puedo ofreceros un descuento del {discount}% si firmáis por dos años.',
      'Si cerramos este trimestre, os consigo un descuento del {discount}% el primer año.',
      'También hay un descuento para startups que podríamos revisar.',
    ],
    customer: [
      '¿Hay algo de margen para un descuento?',
      'Necesitaríamos al menos un {discount}% de descuento para que cuadre.',
      'Otros proveedores nos dieron un descuento mucho mayor.',
    ],
    question: ['¿Os interesaría un descuento por varios años?', 'Si os consigo un descuento del {discount}%, ¿ayudaría?'],
  },
  churn: {
    agent: [
      'Entiendo que estáis pensando en cancelar, y quiero arreglarlo antes de la renovación.',
      'Antes de decidir cancelar, déjame enseñarte lo que cambió en la última versión.',
      'No queremos perderos, así que veamos qué puedo hacer para evitar la cancelación.',
    ],
    customer: [
      'Sinceramente, estamos pensando en cancelar la suscripción.',
      'La renovación es dentro de {months} meses y quizá decidamos darnos de baja.',
      'La mitad del equipo ya no lo usa, así que probablemente vamos a cancelar.',
    ],
    question: ['¿Qué tendría que cambiar para que no decidáis cancelar?', '¿Ya habéis decidido cancelar?'],
  },
  next_steps: {
    agent: [
      'Como próximos pasos, te envío un resumen y una propuesta antes del {day}.',
      'Agendamos una demo de seguimiento con tu equipo el próximo {day}.',
      'Voy a programar media hora con tu responsable de IT como seguimiento técnico.',
    ],
    customer: [
      'Envíame los próximos pasos por escrito y los comparto internamente.',
      'Agendemos un seguimiento cuando hable con mi jefe.',
      '¿Podemos programar una demo de seguimiento para todo el equipo el próximo {day}?',
    ],
    question: ['¿Cuáles son los próximos pasos por vuestra parte?', '¿Quién más debería unirse a la llamada de seguimiento?'],
  },
  onboarding: {
    agent: [
      'La implementación suele llevar unas {weeks} semanas desde el arranque.',
      'Tendréis una persona dedicada al onboarding y sesiones de formación en directo.',
      'Nos encargamos de la puesta en marcha y de importar los datos durante la implementación.',
    ],
    customer: [
      'La implementación de nuestra última herramienta fue muy dolorosa.',
      '¿Cuánta formación van a necesitar los comerciales?',
      'Necesitamos terminar la implementación antes del nuevo trimestre.',
    ],
    question: ['¿Quién se encargaría de la implementación por vuestra parte?', '¿Cuántas personas necesitan formación en la primera fase?'],
  },
  integration: {
    agent: [
      'Tenemos una integración nativa con {integration} que sincroniza cada pocos minutos.',
      'Nuestra API abierta permite a vuestros desarrolladores integrar cualquier sistema interno.',
      'Configurar la integración con {integration} lleva aproximadamente una hora.',
    ],
    customer: [
      'La integración con {integration} es obligatoria, eso no es negociable.',
      'A nuestros ingenieros les preocupa mantener otra integración por API.',
      'Tuvimos problemas con la integración de {integration} en la herramienta anterior.',
    ],
    question: ['¿Con qué sistemas necesitaríais integrar la herramienta?', '¿Tenéis desarrolladores que puedan ayudar con la integración por API?'],
  },
  security: {
    agent: [
      'Tenemos la certificación {cert} y todos los datos van cifrados en reposo y en tránsito.',
      'El inicio de sesión único SSO y los permisos de seguridad por rol vienen de serie.',
      'Puedo enviarte nuestro documento de seguridad y el último informe de pruebas de penetración.',
    ],
    customer: [
      'Nuestro equipo de seguridad tendrá que revisar el cuestionario primero.',
      'Necesitamos SSO y datos cifrados antes de salir en producción.',
      'Que los datos se queden en la UE es un requisito de seguridad obligatorio.',
    ],
    question: ['¿Vuestro equipo de seguridad tiene un cuestionario estándar?', '¿Qué certificaciones de seguridad exigís?'],
  },
  legal: {
    agent: [
      'Nuestro contrato estándar es de doce meses con una cláusula de renovación sencilla.',
      'Puedo compartir hoy nuestro acuerdo de tratamiento de datos con vuestro equipo legal.',
      'Las revisiones legales suelen ir rápido porque el contrato es bastante estándar.',
    ],
    customer: [
      'El equipo legal tiene que revisar el contrato antes de firmar nada.',
      'Nuestros abogados han marcado la cláusula de responsabilidad del contrato.',
      'La revisión legal por nuestra parte puede tardar unas semanas.',
    ],
    question: ['¿A quién de vuestro equipo legal le envío el contrato?', '¿Hay alguna cláusula del contrato que vuestro equipo legal suela discutir?'],
  },
  support: {
    agent: [
      'Nuestro equipo de soporte responde a las incidencias en cuatro horas laborables.',
      'He escalado tu ticket a nuestros técnicos de soporte más veteranos.',
      'Tendréis un contacto de soporte asignado y una línea directa para incidencias urgentes.',
    ],
    customer: [
      'Abrimos un ticket de soporte hace dos semanas y nadie nos ha contestado.',
      'El panel se ha caído dos veces este mes y soporte no tenía respuesta.',
      'El soporte ha sido lento y la incidencia sigue sin resolverse.',
    ],
    question: ['¿Me pasas el número del ticket de soporte para revisarlo?', '¿Cuándo empezó la incidencia y abristeis un ticket de soporte?'],
  },
};
