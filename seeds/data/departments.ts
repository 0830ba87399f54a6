/**
 * Demo data: municipal departments that receive citizen reports.
 * Contact details are placeholders (demo.mytilene.gr, 22510 5000x), not real people or numbers.
 */
export type DemoDepartment = {
  code: string
  name_el: string
  name_en: string
  email: string
  phone: string
}

export const departments: DemoDepartment[] = [
  {
    code: 'cleaning',
    name_el: 'Διεύθυνση Καθαριότητας και Ανακύκλωσης',
    name_en: 'Cleaning and Recycling Directorate',
    email: 'kathariotita@demo.mytilene.gr',
    phone: '22510 50001',
  },
  {
    code: 'lighting',
    name_el: 'Τμήμα Ηλεκτροφωτισμού και Ηλεκτρομηχανολογικών Εγκαταστάσεων',
    name_en: 'Street Lighting and Electromechanical Section',
    email: 'ilektrofotismos@demo.mytilene.gr',
    phone: '22510 50002',
  },
  {
    code: 'technical',
    name_el: 'Διεύθυνση Τεχνικών Υπηρεσιών',
    name_en: 'Technical Services Directorate',
    email: 'texnikes.ypiresies@demo.mytilene.gr',
    phone: '22510 50003',
  },
  {
    code: 'greenery',
    name_el: 'Τμήμα Πρασίνου και Κοινόχρηστων Χώρων',
    name_en: 'Parks and Green Spaces Section',
    email: 'prasino@demo.mytilene.gr',
    phone: '22510 50004',
  },
  {
    code: 'municipal_police',
    name_el: 'Δημοτική Αστυνομία',
    name_en: 'Municipal Police',
    email: 'dimotiki.astynomia@demo.mytilene.gr',
    phone: '22510 50005',
  },
  {
    code: 'environment',
    name_el: 'Τμήμα Περιβάλλοντος και Ζώων Συντροφιάς',
    name_en: 'Environment and Companion Animals Section',
    email: 'perivallon@demo.mytilene.gr',
    phone: '22510 50006',
  },
  {
    code: 'social',
    name_el: 'Διεύθυνση Κοινωνικής Προστασίας και Αλληλεγγύης',
    name_en: 'Social Protection and Solidarity Directorate',
    email: 'koinoniki.prostasia@demo.mytilene.gr',
    phone: '22510 50007',
  },
  {
    code: 'citizens_service',
    name_el: 'Γραφείο Εξυπηρέτησης Δημοτών',
    name_en: "Citizens' Service Office",
    email: 'dimotes@demo.mytilene.gr',
    phone: '22510 50008',
  },
]
