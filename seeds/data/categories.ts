import type { Question } from '../../src/features/reports/filing-service'

/**
 * Demo data: report categories, grouped as shown on the report form.
 * `department` is a department code from ./departments.
 */
export type DemoCategory = {
  code: string
  department: string
  group_el: string
  group_en: string
  name_el: string
  name_en: string
  hint_el: string | null
  hint_en: string | null
  notice_el: string | null
  notice_en: string | null
  sort_order: number
  /** false: reports in this category never appear on the public pages (they are about a person). */
  is_public?: boolean
  /** Extra questions asked after the category is chosen. */
  questions?: Question[]
  /** How near (metres) an open report of this category counts as a possible duplicate. */
  duplicate_radius_m?: number
}

export const categories: DemoCategory[] = [
  // Καθαριότητα / Cleanliness
  {
    code: 'bin_full_damaged',
    department: 'cleaning',
    group_el: 'Καθαριότητα',
    group_en: 'Cleanliness',
    name_el: 'Γεμάτος ή χαλασμένος κάδος',
    name_en: 'Full or damaged bin',
    hint_el: 'Κάδος απορριμμάτων ή ανακύκλωσης που ξεχειλίζει, έχει σπάσει ή λείπει από τη θέση του.',
    hint_en: 'A rubbish or recycling bin that is overflowing, broken or missing from its usual spot.',
    notice_el: null,
    notice_en: null,
    sort_order: 10,
    duplicate_radius_m: 30,
    questions: [
      {
        key: 'bin_type',
        label_el: 'Τι κάδος είναι;',
        label_en: 'What kind of bin is it?',
        type: 'select',
        options: [
          { value: 'general', label_el: 'Απορριμμάτων (πράσινος)', label_en: 'General rubbish (green)' },
          { value: 'recycling', label_el: 'Ανακύκλωσης (μπλε)', label_en: 'Recycling (blue)' },
          { value: 'organic', label_el: 'Οργανικών (καφέ)', label_en: 'Food waste (brown)' },
        ],
        required: true,
      },
      {
        key: 'damaged',
        label_el: 'Είναι σπασμένος ο κάδος;',
        label_en: 'Is the bin broken?',
        type: 'yesno',
        required: true,
      },
    ],
  },
  {
    code: 'missed_collection',
    department: 'cleaning',
    group_el: 'Καθαριότητα',
    group_en: 'Cleanliness',
    name_el: 'Δεν έγινε αποκομιδή απορριμμάτων',
    name_en: 'Rubbish not collected',
    hint_el: 'Το απορριμματοφόρο δεν πέρασε την ημέρα που περνάει συνήθως.',
    hint_en: 'The bin lorry did not come on its usual day.',
    notice_el: null,
    notice_en: null,
    sort_order: 20,
  },
  {
    code: 'bulky_items',
    department: 'cleaning',
    group_el: 'Καθαριότητα',
    group_en: 'Cleanliness',
    name_el: 'Παραλαβή ογκωδών αντικειμένων',
    name_en: 'Bulky item collection',
    hint_el: 'Ζητήστε να παραληφθούν από την πόρτα σας έπιπλα, στρώματα, ηλεκτρικές συσκευές ή κλαδέματα.',
    hint_en: 'Ask for furniture, mattresses, household appliances or garden cuttings to be collected from your door.',
    notice_el: null,
    notice_en: null,
    sort_order: 30,
  },
  {
    code: 'illegal_dumping',
    department: 'cleaning',
    group_el: 'Καθαριότητα',
    group_en: 'Cleanliness',
    name_el: 'Ανεξέλεγκτη απόρριψη μπαζών ή σκουπιδιών',
    name_en: 'Fly-tipping (rubble or rubbish)',
    hint_el: 'Μπάζα, λάστιχα, έπιπλα ή σκουπίδια πεταμένα σε δρόμο, οικόπεδο, ρέμα ή παραλία.',
    hint_en: 'Rubble, tyres, furniture or rubbish dumped on a street, a plot of land, a stream or a beach.',
    notice_el: null,
    notice_en: null,
    sort_order: 40,
  },
  {
    code: 'graffiti',
    department: 'cleaning',
    group_el: 'Καθαριότητα',
    group_en: 'Cleanliness',
    name_el: 'Γκράφιτι και αφισοκόλληση',
    name_en: 'Graffiti and fly-posting',
    hint_el: 'Συνθήματα ή αφίσες σε δημόσια κτίρια, μνημεία, στάσεις και κοινόχρηστους χώρους.',
    hint_en: 'Graffiti or posters on public buildings, monuments, bus stops and other public spaces.',
    notice_el: null,
    notice_en: null,
    sort_order: 50,
  },

  // Οδοί και πεζοδρόμια / Roads and pavements
  {
    code: 'pothole',
    department: 'technical',
    group_el: 'Οδοί και πεζοδρόμια',
    group_en: 'Roads and pavements',
    name_el: 'Λακκούβα ή φθορά οδοστρώματος',
    name_en: 'Pothole or damaged road surface',
    hint_el: 'Λακκούβες, ρωγμές ή καθιζήσεις στον δρόμο.',
    hint_en: 'Potholes, cracks or sunken patches in the road.',
    notice_el: null,
    notice_en: null,
    sort_order: 60,
  },
  {
    code: 'pavement_damage',
    department: 'technical',
    group_el: 'Οδοί και πεζοδρόμια',
    group_en: 'Roads and pavements',
    name_el: 'Φθορά πεζοδρομίου ή εμπόδιο προσβασιμότητας',
    name_en: 'Damaged pavement or accessibility obstacle',
    hint_el:
      'Σπασμένες πλάκες, ράμπες που λείπουν ή είναι φραγμένες, εμπόδια που δυσκολεύουν πεζούς, αμαξίδια και καρότσια.',
    hint_en:
      'Broken paving slabs, missing or blocked ramps, obstacles that make it hard for pedestrians, wheelchairs and pushchairs.',
    notice_el: null,
    notice_en: null,
    sort_order: 70,
  },

  // Φωτισμός / Street lighting
  {
    code: 'streetlight_out',
    department: 'lighting',
    group_el: 'Φωτισμός',
    group_en: 'Street lighting',
    name_el: 'Βλάβη οδοφωτισμού',
    name_en: 'Street light fault',
    hint_el:
      'Λάμπα που δεν ανάβει, αναβοσβήνει ή μένει αναμμένη τη μέρα. Αν υπάρχει, σημειώστε τον αριθμό του στύλου.',
    hint_en: 'A lamp that is out, flickering or stays on during the day. If there is one, note the number on the post.',
    notice_el: null,
    notice_en: null,
    sort_order: 80,
    duplicate_radius_m: 40,
    questions: [
      {
        key: 'pole_number',
        label_el: 'Αριθμός στύλου (γραμμένος πάνω στον στύλο)',
        label_en: 'Pole number (written on the pole)',
        type: 'text',
        required: false,
      },
      {
        key: 'several',
        label_el: 'Είναι σβηστές περισσότερες από μία λάμπες;',
        label_en: 'Is more than one lamp out?',
        type: 'yesno',
        required: true,
      },
    ],
  },
  {
    code: 'exposed_cable',
    department: 'lighting',
    group_el: 'Φωτισμός',
    group_en: 'Street lighting',
    name_el: 'Επικίνδυνος στύλος ή ακάλυπτα καλώδια',
    name_en: 'Dangerous lamp post or exposed wiring',
    hint_el: 'Στύλος φωτισμού που γέρνει, ανοιχτό καπάκι στη βάση του ή καλώδια εκτεθειμένα.',
    hint_en: 'A leaning lamp post, an open cover at its base or exposed cables.',
    notice_el:
      'Σε περίπτωση άμεσου κινδύνου καλέστε το 112. Οι κολόνες και τα καλώδια του δικτύου ρεύματος ανήκουν στον ΔΕΔΔΗΕ, στον οποίο μπορείτε να απευθυνθείτε απευθείας.',
    notice_en:
      'If there is immediate danger, call 112. Power network poles and cables belong to HEDNO (ΔΕΔΔΗΕ), which you can contact directly.',
    sort_order: 90,
  },

  // Πράσινο / Trees and green spaces
  {
    code: 'fallen_tree',
    department: 'greenery',
    group_el: 'Πράσινο',
    group_en: 'Trees and green spaces',
    name_el: 'Πεσμένο δέντρο ή κλαδί',
    name_en: 'Fallen tree or branch',
    hint_el: 'Δέντρο ή μεγάλο κλαδί που έπεσε ή κινδυνεύει να πέσει σε δρόμο, πεζοδρόμιο ή αυλή σχολείου.',
    hint_en: 'A tree or large branch that has fallen, or is about to fall, on a road, pavement or school yard.',
    notice_el:
      'Σε περίπτωση άμεσου κινδύνου (π.χ. δέντρο που κλείνει τον δρόμο ή έχει πέσει πάνω σε καλώδια) καλέστε το 112.',
    notice_en:
      'In case of immediate danger (for example a tree blocking the road or lying on power lines), call 112.',
    sort_order: 100,
  },
  {
    code: 'pruning',
    department: 'greenery',
    group_el: 'Πράσινο',
    group_en: 'Trees and green spaces',
    name_el: 'Κλάδεμα δέντρων ή κοπή χόρτων',
    name_en: 'Tree pruning or grass cutting',
    hint_el:
      'Κλαδιά που κρύβουν φωτιστικά ή πινακίδες ή ακουμπούν σε μπαλκόνια, ψηλά χόρτα σε κοινόχρηστους χώρους.',
    hint_en: 'Branches hiding lights or signs or touching balconies, or overgrown grass in public spaces.',
    notice_el: null,
    notice_en: null,
    sort_order: 110,
  },
  {
    code: 'park_playground',
    department: 'greenery',
    group_el: 'Πράσινο',
    group_en: 'Trees and green spaces',
    name_el: 'Ζημιά σε πάρκο ή παιδική χαρά',
    name_en: 'Damage in a park or playground',
    hint_el: 'Σπασμένα όργανα, παγκάκια, φράχτες ή δάπεδα ασφαλείας σε πάρκα και παιδικές χαρές.',
    hint_en: 'Broken play equipment, benches, fences or safety surfacing in parks and playgrounds.',
    notice_el: null,
    notice_en: null,
    sort_order: 120,
  },

  // Κυκλοφορία και στάθμευση / Traffic and parking
  {
    code: 'illegal_parking',
    department: 'municipal_police',
    group_el: 'Κυκλοφορία και στάθμευση',
    group_en: 'Traffic and parking',
    name_el: 'Παράνομη στάθμευση σε πεζοδρόμιο ή ράμπα',
    name_en: 'Illegal parking on a pavement or ramp',
    hint_el: 'Οχήματα σε πεζοδρόμια, ράμπες ΑμεΑ, διαβάσεις πεζών ή θέσεις στάθμευσης αναπήρων.',
    hint_en: 'Vehicles parked on pavements, wheelchair ramps, pedestrian crossings or disabled bays.',
    notice_el: null,
    notice_en: null,
    sort_order: 130,
  },
  {
    code: 'abandoned_vehicle',
    department: 'municipal_police',
    group_el: 'Κυκλοφορία και στάθμευση',
    group_en: 'Traffic and parking',
    name_el: 'Εγκαταλελειμμένο όχημα',
    name_en: 'Abandoned vehicle',
    hint_el: 'Αυτοκίνητο ή μηχανάκι που μένει ακίνητο για μήνες, χωρίς πινακίδες ή με εμφανείς φθορές.',
    hint_en: 'A car or motorbike left unmoved for months, without number plates or visibly wrecked.',
    notice_el: null,
    notice_en: null,
    sort_order: 140,
  },
  {
    code: 'road_signs',
    department: 'technical',
    group_el: 'Κυκλοφορία και στάθμευση',
    group_en: 'Traffic and parking',
    name_el: 'Κατεστραμμένη ή πεσμένη πινακίδα',
    name_en: 'Damaged or missing road sign',
    hint_el: 'Πινακίδες σήμανσης, καθρέπτες ή ονόματα οδών που έχουν πέσει, στραβώσει ή ξεθωριάσει.',
    hint_en: 'Road signs, traffic mirrors or street-name plates that have fallen, been bent or faded.',
    notice_el: null,
    notice_en: null,
    sort_order: 150,
  },

  // Ζώα / Animals
  {
    code: 'stray_animals',
    department: 'environment',
    group_el: 'Ζώα',
    group_en: 'Animals',
    name_el: 'Αδέσποτα ζώα',
    name_en: 'Stray animals',
    hint_el: 'Αδέσποτο ζώο τραυματισμένο, άρρωστο, εγκαταλελειμμένο ή επιθετικό.',
    hint_en: 'A stray animal that is injured, ill, abandoned or aggressive.',
    notice_el: null,
    notice_en: null,
    sort_order: 160,
    questions: [
      {
        key: 'aggressive',
        label_el: 'Φαίνεται επιθετικό το ζώο;',
        label_en: 'Does the animal seem aggressive?',
        type: 'yesno',
        required: true,
      },
    ],
  },
  {
    code: 'dead_animal',
    department: 'cleaning',
    group_el: 'Ζώα',
    group_en: 'Animals',
    name_el: 'Νεκρό ζώο σε δρόμο ή κοινόχρηστο χώρο',
    name_en: 'Dead animal on a road or public space',
    hint_el: 'Ζητήστε την περισυλλογή νεκρού ζώου από δρόμο, πεζοδρόμιο ή παραλία.',
    hint_en: 'Ask for a dead animal to be removed from a road, pavement or beach.',
    notice_el: null,
    notice_en: null,
    sort_order: 170,
  },

  // Ύδρευση και αποχέτευση / Water and sewerage
  {
    code: 'water_sewerage',
    department: 'citizens_service',
    group_el: 'Ύδρευση και αποχέτευση',
    group_en: 'Water and sewerage',
    name_el: 'Διαρροή νερού ή πρόβλημα αποχέτευσης',
    name_en: 'Water leak or sewerage problem',
    hint_el: 'Σπασμένος αγωγός, νερό που τρέχει στον δρόμο, βουλωμένο φρεάτιο ή δυσοσμία από την αποχέτευση.',
    hint_en: 'A burst pipe, water running down the street, a blocked drain or a sewage smell.',
    notice_el:
      'Η ύδρευση και η αποχέτευση ανήκουν στη ΔΕΥΑ Λέσβου, τη δημοτική επιχείρηση ύδρευσης και αποχέτευσης. Για διαρροές και βλάβες επικοινωνήστε απευθείας με τη βάρδια βλαβών της. Μπορείτε επίσης να υποβάλετε εδώ την αναφορά σας και θα τη διαβιβάσουμε.',
    notice_en:
      'Water supply and sewerage are the responsibility of DEYA Lesvou (ΔΕΥΑ Λέσβου), the municipal water utility. For leaks and faults, contact its faults line directly. You can also submit your report here and we will forward it.',
    sort_order: 180,
  },

  // Άλλο / Other
  {
    code: 'noise',
    department: 'municipal_police',
    group_el: 'Άλλο',
    group_en: 'Other',
    name_el: 'Θόρυβος και οχλήσεις',
    name_en: 'Noise and disturbance',
    hint_el: 'Μουσική από καταστήματα πέρα από το επιτρεπόμενο ωράριο ή άλλες επαναλαμβανόμενες οχλήσεις.',
    hint_en: 'Music from bars or shops beyond the permitted hours, or other recurring disturbance.',
    notice_el:
      'Για θόρυβο που συμβαίνει αυτή τη στιγμή, ιδίως τις νυχτερινές ώρες ή από ιδιωτική κατοικία, καλέστε την Ελληνική Αστυνομία στο 100. Η Δημοτική Αστυνομία ελέγχει τα ωράρια μουσικής των καταστημάτων.',
    notice_en:
      'For noise happening right now, especially at night or from a private home, call the Hellenic Police on 100. The Municipal Police check music hours at bars and shops.',
    sort_order: 190,
  },
  {
    code: 'social_support',
    department: 'social',
    group_el: 'Άλλο',
    group_en: 'Other',
    name_el: 'Άνθρωπος που χρειάζεται κοινωνική στήριξη',
    name_en: 'Person in need of social support',
    hint_el:
      'Ηλικιωμένος που ζει μόνος χωρίς φροντίδα, άνθρωπος χωρίς στέγη ή οικογένεια που δυσκολεύεται. Μη γράφετε ονόματα· θα επικοινωνήσουμε μαζί σας.',
    hint_en:
      'An older person living alone without care, someone sleeping rough or a family in difficulty. Please do not include names; we will contact you.',
    notice_el: 'Αν κινδυνεύει η ζωή ή η υγεία κάποιου, καλέστε το 112.',
    notice_en: "If someone's life or health is at risk, call 112.",
    sort_order: 200,
    is_public: false,
  },
  {
    code: 'other',
    department: 'citizens_service',
    group_el: 'Άλλο',
    group_en: 'Other',
    name_el: 'Κάτι άλλο',
    name_en: 'Something else',
    hint_el: 'Οτιδήποτε δεν ταιριάζει στις παραπάνω κατηγορίες. Θα το προωθήσουμε στην αρμόδια υπηρεσία.',
    hint_en: 'Anything that does not fit the categories above. We will pass it on to the right service.',
    notice_el: null,
    notice_en: null,
    sort_order: 210,
  },
]
