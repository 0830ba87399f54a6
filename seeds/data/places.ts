/**
 * Demo data: districts and streets of the Municipality of Mytilene (since September 2019:
 * municipal units of Mytilene, Loutropoli Thermis, Evergetoulas, Gera, Agiasos and Plomari).
 * Coordinates are approximate (good enough to drop a pin on a map), not surveyed.
 */
export type DemoDistrict = {
  code: string
  name_el: string
  name_en: string
}

export type DemoStreet = {
  name_el: string
  name_en: string
  district: string
  lat: number
  lng: number
}

export const districts: DemoDistrict[] = [
  // Μυτιλήνη, πόλη / Mytilene town
  { code: 'kentro', name_el: 'Κέντρο', name_en: 'Town centre' },
  { code: 'epano_skala', name_el: 'Επάνω Σκάλα', name_en: 'Epano Skala' },
  { code: 'kioski', name_el: 'Κιόσκι', name_en: 'Kioski' },
  { code: 'koulmpara', name_el: 'Κουλμπάρα', name_en: 'Koulmpara' },
  { code: 'sourada', name_el: 'Σουράδα', name_en: 'Sourada' },
  { code: 'makrys_gialos', name_el: 'Μακρύς Γιαλός', name_en: 'Makrys Gialos' },
  { code: 'varia', name_el: 'Βαρειά', name_en: 'Varia' },
  { code: 'kara_tepe', name_el: 'Καρά Τεπέ', name_en: 'Kara Tepe' },

  // Δημοτική Ενότητα Μυτιλήνης / Mytilene municipal unit
  { code: 'loutra', name_el: 'Λουτρά', name_en: 'Loutra' },
  { code: 'agia_marina', name_el: 'Αγία Μαρίνα', name_en: 'Agia Marina' },
  { code: 'taxiarches', name_el: 'Ταξιάρχες', name_en: 'Taxiarches' },
  { code: 'moria', name_el: 'Μόρια', name_en: 'Moria' },
  { code: 'panagiouda', name_el: 'Παναγιούδα', name_en: 'Panagiouda' },
  { code: 'pamfila', name_el: 'Πάμφιλα', name_en: 'Pamfila' },
  { code: 'afalonas', name_el: 'Αφάλωνας', name_en: 'Afalonas' },
  { code: 'alyfanta', name_el: 'Αλυφαντά', name_en: 'Alyfanta' },

  // Δημοτική Ενότητα Λουτροπόλεως Θερμής / Loutropoli Thermis municipal unit
  { code: 'thermi', name_el: 'Θερμή', name_en: 'Thermi' },
  { code: 'pyrgoi_thermis', name_el: 'Πύργοι Θερμής', name_en: 'Pyrgoi Thermis' },
  { code: 'pigi', name_el: 'Πηγή', name_en: 'Pigi' },
  { code: 'komi', name_el: 'Κώμη', name_en: 'Komi' },
  { code: 'mistegna', name_el: 'Μιστεγνά', name_en: 'Mistegna' },
  { code: 'nees_kydonies', name_el: 'Νέες Κυδωνίες', name_en: 'Nees Kydonies' },

  // Other municipal units
  { code: 'asomatos', name_el: 'Ασώματος', name_en: 'Asomatos' },
  { code: 'papados', name_el: 'Παπάδος', name_en: 'Papados' },
  { code: 'agiasos', name_el: 'Αγιάσος', name_en: 'Agiasos' },
  { code: 'plomari', name_el: 'Πλωμάρι', name_en: 'Plomari' },
]

export const streets: DemoStreet[] = [
  // Κέντρο / Town centre
  { name_el: 'Ερμού', name_en: 'Ermou', district: 'kentro', lat: 39.1085, lng: 26.557 },
  {
    name_el: 'Παύλου Κουντουριώτου',
    name_en: 'Pavlou Kountouriotou',
    district: 'kentro',
    lat: 39.105,
    lng: 26.5575,
  },
  { name_el: 'Πλατεία Σαπφούς', name_en: 'Plateia Sapfous', district: 'kentro', lat: 39.1067, lng: 26.5568 },
  { name_el: 'Κομνηνάκη', name_en: 'Komninaki', district: 'kentro', lat: 39.1059, lng: 26.5566 },
  { name_el: 'Πιττακού', name_en: 'Pittakou', district: 'kentro', lat: 39.1072, lng: 26.558 },
  { name_el: 'Βύρωνος', name_en: 'Vyronos', district: 'kentro', lat: 39.1065, lng: 26.559 },
  { name_el: 'Μητροπόλεως', name_en: 'Mitropoleos', district: 'kentro', lat: 39.1078, lng: 26.5585 },
  { name_el: 'Αλκαίου', name_en: 'Alkaiou', district: 'kentro', lat: 39.105, lng: 26.5552 },
  {
    name_el: 'Ελευθερίου Βενιζέλου',
    name_en: 'Eleftheriou Venizelou',
    district: 'kentro',
    lat: 39.104,
    lng: 26.554,
  },
  { name_el: 'Σμύρνης', name_en: 'Smyrnis', district: 'kentro', lat: 39.1033, lng: 26.5528 },
  {
    name_el: 'Ναυμάχου Παπανικολή',
    name_en: 'Navmachou Papanikoli',
    district: 'kentro',
    lat: 39.1025,
    lng: 26.552,
  },
  { name_el: 'Φιλελλήνων', name_en: 'Filellinon', district: 'kentro', lat: 39.1018, lng: 26.5505 },
  { name_el: 'Αγίας Ειρήνης', name_en: 'Agias Eirinis', district: 'kentro', lat: 39.1022, lng: 26.5498 },
  { name_el: 'Φιλικών', name_en: 'Filikon', district: 'kentro', lat: 39.1012, lng: 26.5512 },

  // Επάνω Σκάλα / Epano Skala
  { name_el: 'Μικράς Ασίας', name_en: 'Mikras Asias', district: 'epano_skala', lat: 39.115, lng: 26.5545 },
  { name_el: 'Ναυμαχίας Έλλης', name_en: 'Navmachias Ellis', district: 'epano_skala', lat: 39.1165, lng: 26.5555 },

  // Κιόσκι / Kioski
  { name_el: 'Αργύρη Εφταλιώτη', name_en: 'Argyri Eftalioti', district: 'kioski', lat: 39.1068, lng: 26.5605 },
  { name_el: '8ης Νοεμβρίου', name_en: '8is Noemvriou', district: 'kioski', lat: 39.108, lng: 26.562 },
  { name_el: 'Τζέημς Αριστάρχου', name_en: 'Tzeims Aristarchou', district: 'kioski', lat: 39.1088, lng: 26.5608 },
  {
    name_el: 'Εθνικής Αντιστάσεως',
    name_en: 'Ethnikis Antistaseos',
    district: 'kioski',
    lat: 39.106,
    lng: 26.5625,
  },
  { name_el: 'Σκρά', name_en: 'Skra', district: 'kioski', lat: 39.1075, lng: 26.5635 },

  // Κουλμπάρα / Koulmpara
  { name_el: 'Βερναρδάκη', name_en: 'Vernardaki', district: 'koulmpara', lat: 39.1092, lng: 26.5595 },
  { name_el: 'Θέμιδος', name_en: 'Themidos', district: 'koulmpara', lat: 39.1098, lng: 26.5588 },

  // Σουράδα / Sourada
  { name_el: 'Καβέτσου', name_en: 'Kavetsou', district: 'sourada', lat: 39.0995, lng: 26.5495 },
  { name_el: 'Οδυσσέα Ελύτη', name_en: 'Odyssea Elyti', district: 'sourada', lat: 39.1005, lng: 26.5535 },

  // Μακρύς Γιαλός / Makrys Gialos
  {
    name_el: 'Παραλία Τσαμάκια',
    name_en: 'Paralia Tsamakia',
    district: 'makrys_gialos',
    lat: 39.0965,
    lng: 26.564,
  },

  // Βαρειά / Varia
  {
    name_el: 'Στρατή Ελευθεριάδου',
    name_en: 'Strati Eleftheriadou',
    district: 'varia',
    lat: 39.0805,
    lng: 26.5645,
  },
  { name_el: 'Ευαγγελιστρίας', name_en: 'Evangelistrias', district: 'varia', lat: 39.0818, lng: 26.563 },

  // Καρά Τεπέ / Kara Tepe
  {
    name_el: 'Επαρχιακή Οδός Μυτιλήνης – Θερμής',
    name_en: 'Eparchiaki Odos Mytilinis – Thermis',
    district: 'kara_tepe',
    lat: 39.1235,
    lng: 26.556,
  },

  // Villages
  { name_el: 'Αγορά Μόριας', name_en: 'Agora Morias', district: 'moria', lat: 39.129, lng: 26.5235 },
  { name_el: 'Λιμάνι Θερμής', name_en: 'Limani Thermis', district: 'thermi', lat: 39.177, lng: 26.506 },
  { name_el: 'Σκάλα Μιστεγνών', name_en: 'Skala Mistegnon', district: 'mistegna', lat: 39.218, lng: 26.499 },
  {
    name_el: 'Σκάλα Νέων Κυδωνιών',
    name_en: 'Skala Neon Kydonion',
    district: 'nees_kydonies',
    lat: 39.241,
    lng: 26.48,
  },
  { name_el: 'Παραλία Χαραμίδας', name_en: 'Paralia Charamidas', district: 'loutra', lat: 39.031, lng: 26.529 },
  { name_el: 'Άγιος Ερμογένης', name_en: 'Agios Ermogenis', district: 'loutra', lat: 39.0285, lng: 26.551 },
]
