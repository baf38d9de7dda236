import type { Photo } from '../../src/domain/article'

/** One article of the August 2018 issue, verbatim from the sent newsletter. */
export interface SeedArticle {
  id: string
  headline: string
  paragraphs: string[]
  photos: Photo[]
}

/** The ten articles of "Nachrichten aus dem Dezernat Soziales", August 2018, in their order. */
export const august2018Articles: SeedArticle[] = [
  {
    id: 'beitrag-01-antrittsbesuch',
    headline: 'Antrittsbesuch des Oberbürgermeisters im Dezernat Soziales',
    paragraphs: [
      'Zu einem ersten Kennenlernen der Mitarbeiter hat Oberbürgermeister Julian Vonarb am 4. Juli 2018 die Fachdienste des Dezernats Soziales in den Standorten Gagarinstraße 68 sowie 99/101 besucht. Dabei berichteten Mitarbeiter von ihren Arbeitsschwerpunkten und den damit verbundenen besonderen Herausforderungen.',
      'In den nächsten Wochen und Monaten wird der Oberbürgermeister auch die Einrichtungen des Dezernates besuchen, um sich vor Ort einen Eindruck von der Arbeit zu verschaffen und weitere Mitarbeiter kennenzulernen.',
    ],
    photos: [
      {
        mediaId: 'foto-1',
        caption:
          'Oberbürgermeister Julian Vonarb und Sozialdezernentin Sandra Wanzar mit den Fachdienstleitern des Dezernates',
        credit: 'Stadtverwaltung Gera (Steffen Weiß)',
        alt: 'Gruppenfoto: Oberbürgermeister Julian Vonarb und Sozialdezernentin Sandra Wanzar mit den Fachdienstleitern des Dezernates',
        decorative: false,
      },
    ],
  },
  {
    id: 'beitrag-02-sozialplan',
    headline: 'Beschlussvorlage zum Integrierten Sozialplan liegt vor',
    paragraphs: [
      'Eine Beschlussvorlage zum Integrierten Kommunalen Sozialplan der Stadt Gera liegt dem Stadtrat für seine Sitzung am 20. September 2018 vor. Zuvor soll die Vorlage in den Fachausschüssen des Stadtrats diskutiert werden. An dem Plan haben Mitarbeiter des Dezernates Soziales und von Fachdiensten anderer Dezernate über fast drei Jahre intensiv gearbeitet. Entstanden ist ein über 200 Seiten umfassendes Konzept, das die soziale Lage und ihre Infrastruktur in Gera beschreibt und daraus Ziele und Maßnahmen ableitet. Seit Beginn dieses Jahres haben verschiedene Gremien, zum Integrierten Kommunalen Sozialplan der Stadt Gera beraten, darunter Seniorenbeirat und Jugendrat sowie der Ausschuss für Soziales und Gesundheit und der Jugendhilfeausschuss des Geraer Stadtrates.',
      'Mit dem Sozialplan sollen auch Armutspräventionsstrategien beschlossen werden. Außerdem ist der Sozialplan Grundlage für die Beantragung von Fördermitteln im Rahmen des Landesprogramms „Familie/Solidarisches Zusammenleben der Generationen“ (LSZ), mit dem die Förderung für Familien ab 2019 neu geregelt werden soll.',
    ],
    photos: [],
  },
  {
    id: 'beitrag-03-behoerdennetzwerk',
    headline: 'OB Vonarb besucht Behördennetzwerk Asyl',
    paragraphs: [
      'Einen Einblick über die Arbeit des Behördennetzwerks Asyl hat sich Oberbürgermeister Julian Vonarb am 30. Juli 2018 verschafft. Gemeinsam mit Vertretern von Jobcenter, Agentur für Arbeit, Staatlichem Schulamt und verschiedenen Fachdienste der Stadt Gera wurden aktuelle Themen und Herausforderungen der Integration Zugewandeter diskutiert. Schwerpunkte waren das Zusammenleben von Einheimischen und Zugewanderten in einzelnen Sozialräumen und die Erwerbsintegration.',
    ],
    photos: [
      {
        mediaId: 'foto-2',
        caption: '',
        credit: 'Stadtverwaltung Gera',
        alt: '',
        decorative: false,
      },
    ],
  },
  {
    id: 'beitrag-04-planungskoordination',
    headline: 'Planungskoordination zur Entwicklung von Armutspräventionsstrategien',
    paragraphs: [
      'Um die Planungskoordination zur Entwicklung von Armutspräventionsstrategien fortzusetzen, hat das Dezernat Soziales einen Fördermittelantrag beim Freistaat Thüringen eingereicht. Damit sollen vom 1. Oktober 2018 bis zum 30. September 2021 Personal- und Sachkosten finanziert werden. Neben der Fortschreibung der Sozialstatistik, Sozialraumanalysen und Netzwerkarbeit will das Dezernat auch eine Sozialplanungskonferenz etablieren. Alle Maßnahmen des Projektes dienen dazu, den Prozess der integrierten kommunalen Sozialplanung zu verstetigen.',
      'Die Planungskoordination in der Stadt Gera wird bereits in einem laufenden Projekt bis 30. September 2018 gefördert.',
    ],
    photos: [],
  },
  {
    id: 'beitrag-05-integrationswerkstatt',
    headline: 'OTEGAU startet Integrationswerkstatt für anerkannte weibliche Flüchtlinge',
    paragraphs: [
      'Am 1. August 2018 hat die OTEGAU GmbH das Projekt Integrationswerkstatt für anerkannte weibliche Flüchtlinge in der Stadt Gera gestartet. Die Teilnehmerinnen werden in dem Projekt zur Lebensbewältigung motiviert, qualifiziert und gezielt unterstützt, um ihre Beschäftigungsfähigkeit zu verbessern sowie die Vereinbarkeit von Beruf und Familie zu bewältigen. Dabei versteht sich das Projekt als ein erstes wichtiges Angebot im Prozess der Integration in Ausbildung und Arbeit.',
    ],
    photos: [],
  },
  {
    id: 'beitrag-06-integrationsmanagement',
    headline: 'Freistaat fördert Integrationsmanagement',
    paragraphs: [
      'Der Freistaat Thüringen hat einen Antrag der Stadt Gera zur Weiterentwicklung der „Thüringer Initiative für lokales Integrationsmanagement in Kommunen“ (ThILIK) bestätigt. Damit erhält die Stadt Fördermittel, um Organisationsstrukturen zur Integration Zugewandelter weiterzuentwickeln, ihre Teilhabechancen und Akzeptanz zu verbessern sowie Vorurteile und Unsicherheiten abzubauen. Das Integrationsmanagement in Gera wird bereits seit 2016 aus Mitteln des Europäischen Sozialfonds ESF und des Freistaates Thüringen gefördert.',
    ],
    photos: [],
  },
  {
    id: 'beitrag-07-ministerin',
    headline: 'Ministerin besucht soziale Einrichtungen in Gera',
    paragraphs: [
      'Im Rahmen ihrer Sommertour hat die Thüringer Sozialministerin Heike Werner am 8. August soziale Einrichtungen in der Stadt Gera besucht. Bei einem Treffen in der OTEGAU GmbH standen dabei Themen der Arbeitsmarktintegration im Mittelpunkt. Die Ministerin erfuhr, dass derzeit 608 Teilnehmer in Arbeitsförder- und Integrationsprojekten der OTEGAU beschäftigt, qualifiziert oder gecoacht werden. „Im ersten Halbjahr 2018 konnten wir bereits 78 Teilnehmer in Arbeit oder Ausbildung vermitteln“, berichtete OTEAU-Geschäftsführerin Roswitha Schmeller. Um die Arbeitsmarktinstrumente noch wirksamer einsetzen zu können, sollten Förderprogramme kombinierbar sein und einzelne Vorschriften überdacht werden, plädierte Sozialdezernentin Sandra Wanzar für passgenauere Lösungsansätze in der Förderpolitik.',
    ],
    photos: [
      {
        mediaId: 'foto-3',
        caption: '',
        credit: 'OTEGAU GmbH',
        alt: '',
        decorative: false,
      },
    ],
  },
  {
    id: 'beitrag-08-volkshochschule',
    headline: 'Aktionsnachmittag an Gera Volkshochschule',
    paragraphs: [
      'Die Geraer Volkshochschule „Aenne Biermann“ lädt am 22. August, 15.00 bis 17.30 Uhr zu einem Aktionsnachmittag ein. Dabei können sich die Besucher über die Arbeit der Bildungseinrichtung, vor allem die Angebote des Herbstsemesters 2018/19 informieren und mit Kursleitern ins Gespräch kommen. Für alle, denen die Auswahl schwer fällt und die sich noch nicht entscheiden können, besteht die Möglichkeit der Teilnahme an Probestunden und an Beratungen zu Computerschulungen, Sprachkursen, Malerei- und Grafikkursen und Fotografie-Kursen.',
      '„Ein Besuch unseres Aktionsnachmittags ist informativ und anregend und deshalb jedem zu empfehlen, der sein Wissen und seine Kompetenzen erweitern will und an einer sinnvollen Freizeitbeschäftigung interessiert ist“, sagte Schulleiter Matthias Schenk.',
      'Besonderer Höhepunkt wird um 17 Uhr die Würdigung von Beiträgen sein, die zum Aufruf „100 Jahre Volkshochschule“ eingereicht wurden. Unter den Einreichern werden drei Preise verlost.',
    ],
    photos: [],
  },
  {
    id: 'beitrag-09-sommerfest',
    headline: 'Sommerfest der Gemeinschaftsunterkunft Gera',
    paragraphs: [
      'Die Bewohnerinnen und Bewohner der Gemeinschaftsunterkunft für Asylbewerber gestalten am 12. September 2018, ab 15.00 Uhr ihr traditionelles Sommerfest. Bei kulinarischen Spezialitäten und musikalischer Unterhaltung aus verschiedenen Kulturen kann man mit Migranten, Betreuern und anderen in der Integration Engagierten ins Gespräch kommen. Alle interessierten Bürgerinnen und Bürger sind herzlich eingeladen.',
    ],
    photos: [],
  },
  {
    id: 'beitrag-10-sgb-ii',
    headline: 'Weniger Geflüchtete erhalten Leistungen nach SGB II',
    paragraphs: [
      'Die Zahl der Personen aus dem Bereich Fluchtmigration, die Leistungen nach dem SGB II erhalten, ist in Gera rückläufig. Aktuell sind aus diesem Bereich beim Jobcenter Gera 2.402 Personen in Bedarfsgemeinschaften registriert. Zwei Monate zuvor waren es noch 2.545 Personen. Ein Hintergrund dieser positiven Entwicklung ist, dass immer mehr Geflüchtete in sozialversicherungspflichtige Beschäftigungsverhältnisse vermittelt wurden: „In diesem Jahr konnten wir bisher 211 Geflüchtete auf dem ersten Arbeitsmarkt integrieren“; informierte der Geschäftsführer des Jobcenters Gera, Enrico Vogel. Insgesamt habe das Jobcenter im Jahr 2018 bislang rund 1.000 Personen in sozialversicherungspflichtige Beschäftigungsverhältnisse vermittelt.',
    ],
    photos: [],
  },
]
