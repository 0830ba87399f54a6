/**
 * Demo response templates for the staff report page. Placeholders in braces are filled for each
 * report in the resident's language: {reference}, {title}, {category}, {department}, {date}.
 */
export type DemoTemplate = {
  status: 'acknowledged' | 'in_progress' | 'resolved' | 'rejected' | null
  title_el: string
  title_en: string
  body_el: string
  body_en: string
}

export const demoTemplates: DemoTemplate[] = [
  {
    status: 'acknowledged',
    title_el: 'Παραλαβή και διαβίβαση',
    title_en: 'Received and passed on',
    body_el:
      'Ευχαριστούμε για την αναφορά {reference}. Τη λάβαμε και τη διαβιβάσαμε στην αρμόδια υπηρεσία ({department}), που θα την εξετάσει τις επόμενες εργάσιμες ημέρες.',
    body_en:
      'Thank you for report {reference}. We have received it and passed it to the {department}, who will look at it in the coming working days.',
  },
  {
    status: 'in_progress',
    title_el: 'Προγραμματίστηκε συνεργείο',
    title_en: 'Crew scheduled',
    body_el:
      'Συνεργείο της αρμόδιας υπηρεσίας ({department}) έχει προγραμματιστεί να επισκεφθεί το σημείο. Θα σας ενημερώσουμε μόλις ολοκληρωθεί η εργασία.',
    body_en:
      'A crew of the {department} has been scheduled to visit the place. We will let you know as soon as the work is done.',
  },
  {
    status: 'resolved',
    title_el: 'Η εργασία ολοκληρώθηκε',
    title_en: 'Work completed',
    body_el:
      'Η εργασία για την αναφορά «{title}» ολοκληρώθηκε στις {date}. Αν το πρόβλημα παραμένει, μπορείτε να ανοίξετε ξανά την αναφορά μέσα σε 30 ημέρες.',
    body_en:
      'The work for the report “{title}” was completed on {date}. If the problem is still there, you can reopen the report within 30 days.',
  },
  {
    status: 'rejected',
    title_el: 'Δεν ανήκει στον Δήμο',
    title_en: 'Not the municipality’s responsibility',
    body_el:
      'Το θέμα της αναφοράς {reference} δεν ανήκει στις αρμοδιότητες του Δήμου Μυτιλήνης. Τη διαβιβάσαμε στον αρμόδιο φορέα.',
    body_en:
      'The matter of report {reference} is not the responsibility of the Municipality of Mytilene. We have passed it on to the body responsible.',
  },
  {
    status: null,
    title_el: 'Χρειαζόμαστε περισσότερα στοιχεία',
    title_en: 'We need more details',
    body_el:
      'Για να προχωρήσουμε την αναφορά {reference} χρειαζόμαστε περισσότερα στοιχεία για το ακριβές σημείο. Μπορείτε να μας καλέσετε ή να περάσετε από το Κέντρο Εξυπηρέτησης Πολιτών.',
    body_en:
      'To take report {reference} further we need more details about the exact place. You can call us or visit the Citizen Service Centre.',
  },
]
