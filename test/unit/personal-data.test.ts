import { findPersonalData } from '../../src/features/reports/personal-data'

describe('personal data in a report', () => {
  it.each([
    'γράψτε μου στο maria.p@example.gr',
    'e-mail: Nikos_K+lesvos@mail.co.uk',
    'στείλτε στο γιάννης@παράδειγμα.ελ',
  ])('finds the e-mail address in %s', (text) => {
    expect(findPersonalData(text)).toBe('email')
  })

  it.each([
    'Πάρτε με στο 6971234567',
    'κινητό 697 123 4567',
    'κινητό 697-123-4567',
    'τηλ. 69 71 23 45 67',
    'τηλ. +30 697 123 4567',
    '+306971234567',
    '0030 6971234567',
    'στο σταθερό 2251012345',
    'στο σταθερό 22510 12345',
    '22510-12345 μετά τις 5',
    '(22510) 12.345',
    'call +44 20 7946 0958',
  ])('finds the phone number in %s', (text) => {
    expect(findPersonalData(text)).toBe('phone')
  })

  it.each([
    'Λακκούβα στην Ερμού 40',
    'Σβηστές 3 λάμπες από τον Μάιο του 2025',
    'Όπως στην αναφορά MYT-2026-00012 και MYT-2026-1000123',
    'Broken bench 🪑 near the harbour, 2 metres from the kiosk',
    'Κάδος No 1234 στην οδό Κουντουριώτου 45-47',
    'Στις 12/03/2026 στις 08:30 πέρασε το απορριμματοφόρο',
    'Ποσό 1.250.000 ευρώ για το έργο',
    'Mixed: Ελληνικά και English, 中文, العربية 123',
    'Η θερμοκρασία ήταν 40,5 βαθμοί',
    'Ταχ. κώδικας 81100, Μυτιλήνη',
    '@δήμος στα κοινωνικά δίκτυα',
  ])('lets %s through', (text) => {
    expect(findPersonalData(text)).toBeNull()
  })
})
