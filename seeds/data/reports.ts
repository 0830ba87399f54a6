/**
 * Demo data: citizen reports with the municipality's public replies.
 * `category` is a category code, `street` a name_el from ./places streets, `district` a district code.
 * `days_ago` counts back from the moment the seed runs; each update is later (smaller) than the one before.
 * All people and situations are invented; no names, e-mail addresses or phone numbers of real people.
 */
export type DemoReportStatus = 'submitted' | 'acknowledged' | 'in_progress' | 'resolved' | 'rejected'

export type DemoReportUpdate = {
  status: Exclude<DemoReportStatus, 'submitted'>
  days_ago: number
  message: string
}

export type DemoReport = {
  kind: 'observation' | 'report' | 'complaint'
  category: string
  title: string
  description: string
  street: string
  number: string | null
  district: string
  status: DemoReportStatus
  days_ago: number
  show_name: boolean
  updates: DemoReportUpdate[]
}

export const demoReports: DemoReport[] = [
  // ---------- submitted ----------
  {
    kind: 'complaint',
    category: 'bin_full_damaged',
    title: 'Ξεχειλισμένοι κάδοι στην Κομνηνάκη',
    description:
      'Οι 3 κάδοι στη γωνία ξεχειλίζουν από την Παρασκευή και τα σκουπίδια έχουν σκορπίσει στο πεζοδρόμιο. Μυρίζει έντονα και μαζεύονται γάτες 🤢 Μπορεί να περάσει το απορριμματοφόρο νωρίτερα;',
    street: 'Κομνηνάκη',
    number: '18',
    district: 'kentro',
    status: 'submitted',
    days_ago: 0,
    show_name: false,
    updates: [],
  },
  {
    kind: 'complaint',
    category: 'noise',
    title: 'Loud music from the bars until 3am',
    description:
      "I'm staying in a room on the seafront for a week and the music from the bars below goes on until 3 in the morning, every single night. Are there any rules about music hours here?",
    street: 'Παύλου Κουντουριώτου',
    number: null,
    district: 'kentro',
    status: 'submitted',
    days_ago: 0,
    show_name: false,
    updates: [],
  },
  {
    kind: 'report',
    category: 'pothole',
    title: 'Λακκούβα στη Μικράς Ασίας',
    description:
      'Στο ρεύμα προς την Επάνω Σκάλα άνοιξε λακκούβα μετά τις βροχές. Τα αυτοκίνητα την αποφεύγουν την τελευταία στιγμή και βγαίνουν στο αντίθετο ρεύμα.',
    street: 'Μικράς Ασίας',
    number: null,
    district: 'epano_skala',
    status: 'submitted',
    days_ago: 1,
    show_name: true,
    updates: [],
  },
  {
    kind: 'report',
    category: 'stray_animals',
    title: 'Τραυματισμένο σκυλί στην Καβέτσου',
    description:
      'Ένα μεσαίο καφέ σκυλί κουτσαίνει από το πίσω πόδι και κάθεται όλη μέρα έξω από τον φούρνο. Δεν είναι επιθετικό. Του δίνουμε νερό και φαγητό, αλλά χρειάζεται κτηνίατρο.',
    street: 'Καβέτσου',
    number: null,
    district: 'sourada',
    status: 'submitted',
    days_ago: 1,
    show_name: true,
    updates: [],
  },
  {
    kind: 'complaint',
    category: 'illegal_parking',
    title: 'Αυτοκίνητα πάνω στη ράμπα της διάβασης',
    description:
      'Κάθε πρωί σταθμεύουν αυτοκίνητα πάνω στη ράμπα της διάβασης. Με το καρότσι του μωρού αναγκάζομαι να κατέβω στον δρόμο ανάμεσα στα αυτοκίνητα.',
    street: 'Ελευθερίου Βενιζέλου',
    number: null,
    district: 'kentro',
    status: 'submitted',
    days_ago: 2,
    show_name: false,
    updates: [],
  },
  {
    kind: 'observation',
    category: 'graffiti',
    title: 'Συνθήματα σε πρόσοψη παλιού σπιτιού',
    description: 'Νέα συνθήματα με σπρέι στην πρόσοψη ενός παλιού αρχοντικού. Είναι κρίμα για τη γειτονιά.',
    street: 'Αργύρη Εφταλιώτη',
    number: null,
    district: 'kioski',
    status: 'submitted',
    days_ago: 3,
    show_name: false,
    updates: [],
  },
  {
    kind: 'report',
    category: 'streetlight_out',
    title: 'Σβηστός φανοστάτης στον μόλο',
    description:
      'Ο φανοστάτης στην άκρη του μόλου είναι σβηστός. Το βράδυ οι ψαράδες δένουν τις βάρκες στα τυφλά.',
    street: 'Σκάλα Μιστεγνών',
    number: null,
    district: 'mistegna',
    status: 'submitted',
    days_ago: 3,
    show_name: true,
    updates: [],
  },
  {
    kind: 'report',
    category: 'pavement_damage',
    title: 'Σηκωμένες πλάκες από ρίζες δέντρου',
    description:
      'Στο πεζοδρόμιο έξω από το νούμερο 9 έχουν σηκωθεί οι πλάκες από τις ρίζες του δέντρου. Μια ηλικιωμένη κυρία σκόνταψε ήδη την περασμένη εβδομάδα.',
    street: 'Σμύρνης',
    number: '9',
    district: 'kentro',
    status: 'submitted',
    days_ago: 4,
    show_name: false,
    updates: [],
  },
  {
    kind: 'complaint',
    category: 'missed_collection',
    title: 'Δεν πέρασε το απορριμματοφόρο',
    description:
      'Δεύτερη εβδομάδα που δεν έγινε η αποκομιδή της Τρίτης στην αγορά της Μόριας. Οι κάδοι είναι γεμάτοι και έξω έχουν μαζευτεί σακούλες.',
    street: 'Αγορά Μόριας',
    number: null,
    district: 'moria',
    status: 'submitted',
    days_ago: 5,
    show_name: true,
    updates: [],
  },
  {
    kind: 'observation',
    category: 'pruning',
    title: 'Κλαδιά ακουμπούν σε μπαλκόνια',
    description:
      'Τα κλαδιά από τις μουριές έχουν φτάσει στα μπαλκόνια του πρώτου ορόφου. Μήπως μπορεί να γίνει κλάδεμα πριν από την άνοιξη;',
    street: 'Οδυσσέα Ελύτη',
    number: null,
    district: 'sourada',
    status: 'submitted',
    days_ago: 6,
    show_name: false,
    updates: [],
  },
  {
    kind: 'observation',
    category: 'social_support',
    title: 'Άνθρωπος κοιμάται στα παγκάκια της πλατείας',
    description:
      'Εδώ και λίγες μέρες ένας ηλικιωμένος άνδρας κοιμάται τα βράδια στα παγκάκια της πλατείας. Φαίνεται πως δεν έχει πού να πάει. Θα ήθελα να ενημερωθεί η κοινωνική υπηρεσία.',
    street: 'Πλατεία Σαπφούς',
    number: null,
    district: 'kentro',
    status: 'submitted',
    days_ago: 8,
    show_name: false,
    updates: [],
  },
  {
    kind: 'observation',
    category: 'other',
    title: 'Broken bench at the bus stop',
    description:
      'The wooden bench at the bus stop near the Theophilos Museum has two slats missing and a nail sticking out. Someone could get hurt.',
    street: 'Στρατή Ελευθεριάδου',
    number: null,
    district: 'varia',
    status: 'submitted',
    days_ago: 11,
    show_name: false,
    updates: [],
  },
  {
    kind: 'report',
    category: 'bulky_items',
    title: 'Παραλαβή στρώματος και ντουλάπας',
    description:
      'Θα ήθελα να παραλάβετε ένα διπλό στρώμα και μια διαλυμένη ντουλάπα. Μπορώ να τα βγάλω έξω όποια μέρα μου πείτε.',
    street: 'Φιλικών',
    number: '22',
    district: 'kentro',
    status: 'submitted',
    days_ago: 19,
    show_name: true,
    updates: [],
  },

  // ---------- acknowledged ----------
  {
    kind: 'report',
    category: 'fallen_tree',
    title: 'Έπεσε μεγάλο κλαδί από πεύκο',
    description:
      'Με τον χθεσινό αέρα έσπασε ένα κλαδί από τα πεύκα και έπεσε στο πεζοδρόμιο. Οι πεζοί κατεβαίνουν στον δρόμο για να περάσουν.',
    street: '8ης Νοεμβρίου',
    number: null,
    district: 'kioski',
    status: 'acknowledged',
    days_ago: 2,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 1,
        message:
          'Σας ευχαριστούμε για την αναφορά. Το θέμα διαβιβάστηκε κατά προτεραιότητα στο συνεργείο πρασίνου για την απομάκρυνση του κλαδιού.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'exposed_cable',
    title: 'Ανοιχτό καπάκι σε στύλο φωτισμού',
    description:
      'Στη βάση του στύλου έξω από το νούμερο 5 λείπει το καπάκι και φαίνονται τα καλώδια. Από εκεί περνάνε κάθε πρωί παιδιά για το σχολείο.',
    street: 'Βύρωνος',
    number: '5',
    district: 'kentro',
    status: 'acknowledged',
    days_ago: 3,
    show_name: true,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 2,
        message:
          'Σας ευχαριστούμε για την ενημέρωση. Ειδοποιήθηκε το συνεργείο ηλεκτροφωτισμού για την άμεση ασφάλιση του στύλου.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'dead_animal',
    title: 'Νεκρή γάτα στην άκρη του δρόμου',
    description:
      'Υπάρχει μια νεκρή γάτα στην άκρη του δρόμου, λίγο μετά τη διασταύρωση. Βρίσκεται εκεί από χθες το απόγευμα.',
    street: 'Ναυμαχίας Έλλης',
    number: null,
    district: 'epano_skala',
    status: 'acknowledged',
    days_ago: 4,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 3,
        message: 'Το αίτημά σας καταχωρίστηκε και διαβιβάστηκε στη Διεύθυνση Καθαριότητας για την περισυλλογή.',
      },
    ],
  },
  {
    kind: 'complaint',
    category: 'abandoned_vehicle',
    title: 'Εγκαταλελειμμένο αυτοκίνητο χωρίς πινακίδες',
    description:
      'Ένα ασημί αυτοκίνητο χωρίς πινακίδες είναι σταθμευμένο στο ίδιο σημείο εδώ και τουλάχιστον 4 μήνες. Έχει σκασμένα λάστιχα και σπασμένο τζάμι.',
    street: 'Ευαγγελιστρίας',
    number: null,
    district: 'varia',
    status: 'acknowledged',
    days_ago: 6,
    show_name: true,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 5,
        message:
          'Η αναφορά σας διαβιβάστηκε στη Δημοτική Αστυνομία, η οποία θα κάνει αυτοψία. Εφόσον πρόκειται για εγκαταλελειμμένο όχημα, θα ακολουθηθεί η διαδικασία που προβλέπει ο νόμος.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'road_signs',
    title: 'Στραβωμένη πινακίδα STOP',
    description:
      'Η πινακίδα STOP στη διασταύρωση έχει λυγίσει και έχει γυρίσει στο πλάι, μάλλον από φορτηγό. Όσοι έρχονται από κάτω δεν τη βλέπουν.',
    street: 'Τζέημς Αριστάρχου',
    number: null,
    district: 'kioski',
    status: 'acknowledged',
    days_ago: 9,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 7,
        message:
          'Σας ευχαριστούμε. Το αίτημα διαβιβάστηκε στη Διεύθυνση Τεχνικών Υπηρεσιών για την αποκατάσταση της πινακίδας.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'park_playground',
    title: 'Broken swing in the playground',
    description:
      "One of the two swings has a broken chain and hangs on one side. Kids still try to use it. Could someone take it down until it's fixed?",
    street: 'Αγίας Ειρήνης',
    number: null,
    district: 'kentro',
    status: 'acknowledged',
    days_ago: 12,
    show_name: true,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 10,
        message:
          'Thank you for your report. It has been passed to the Parks and Green Spaces Section, which will make the swing safe and arrange the repair.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'illegal_dumping',
    title: 'Μπάζα στο χαντάκι στην έξοδο της πόλης',
    description:
      'Κάποιος άδειασε μπάζα και πλακάκια από ανακαίνιση στο χαντάκι δίπλα στον δρόμο. Είναι περίπου ένα φορτηγάκι.',
    street: 'Επαρχιακή Οδός Μυτιλήνης – Θερμής',
    number: null,
    district: 'kara_tepe',
    status: 'acknowledged',
    days_ago: 15,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 13,
        message:
          'Η αναφορά σας καταχωρίστηκε. Θα γίνει αυτοψία από τη Διεύθυνση Καθαριότητας και θα προγραμματιστεί η απομάκρυνση των υλικών.',
      },
    ],
  },
  {
    kind: 'complaint',
    category: 'bin_full_damaged',
    title: 'Σπασμένος κάδος ανακύκλωσης στο λιμάνι',
    description:
      'Ο μπλε κάδος δίπλα στο λιμανάκι έχει σπασμένο καπάκι και ρόδα. Ο αέρας παίρνει τα χαρτιά και τα ρίχνει στη θάλασσα.',
    street: 'Λιμάνι Θερμής',
    number: null,
    district: 'thermi',
    status: 'acknowledged',
    days_ago: 21,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 19,
        message:
          'Το αίτημά σας καταχωρίστηκε. Ο κάδος θα αντικατασταθεί με την επόμενη παραλαβή νέων κάδων ανακύκλωσης.',
      },
    ],
  },

  // ---------- in_progress ----------
  {
    kind: 'complaint',
    category: 'pothole',
    title: 'Επικίνδυνη λακκούβα στην Καβέτσου',
    description:
      'Στην ανηφόρα προς το νοσοκομείο έχει ανοίξει λακκούβα περίπου 40 εκ. πλάτος και 10 εκ. βάθος ⚠️ Χθες το βράδυ ένα μηχανάκι παραλίγο να πέσει. Δεν υπάρχει καμία σήμανση.',
    street: 'Καβέτσου',
    number: null,
    district: 'sourada',
    status: 'in_progress',
    days_ago: 7,
    show_name: true,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 6,
        message: 'Σας ευχαριστούμε για την αναφορά. Διαβιβάστηκε στη Διεύθυνση Τεχνικών Υπηρεσιών.',
      },
      {
        status: 'in_progress',
        days_ago: 5,
        message:
          'Τοποθετήθηκε προσωρινή σήμανση. Η αποκατάσταση του οδοστρώματος έχει προγραμματιστεί για τις επόμενες ημέρες, ανάλογα με τις καιρικές συνθήκες.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'streetlight_out',
    title: 'Σβηστά φώτα στο πάρκινγκ της παραλίας',
    description: 'Στον χώρο στάθμευσης της Χαραμίδας δεν ανάβει κανένα φωτιστικό. Το βράδυ είναι θεοσκότεινα.',
    street: 'Παραλία Χαραμίδας',
    number: null,
    district: 'loutra',
    status: 'in_progress',
    days_ago: 10,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 9,
        message: 'Το αίτημά σας διαβιβάστηκε στο συνεργείο ηλεκτροφωτισμού.',
      },
      {
        status: 'in_progress',
        days_ago: 6,
        message:
          'Διαπιστώθηκε βλάβη στην τροφοδοσία του κυκλώματος. Η αποκατάσταση προγραμματίζεται εντός της εβδομάδας.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'pavement_damage',
    title: 'Πεζοδρόμιο αδιάβατο για αμαξίδιο',
    description:
      'Στο πεζοδρόμιο λείπουν πλάκες σε μήκος 3-4 μέτρων και στη γωνία υπάρχει σκαλοπάτι χωρίς ράμπα. Με αναπηρικό αμαξίδιο είναι αδύνατον να περάσεις, πρέπει να βγεις στον δρόμο.',
    street: 'Μητροπόλεως',
    number: null,
    district: 'kentro',
    status: 'in_progress',
    days_ago: 14,
    show_name: true,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 13,
        message: 'Σας ευχαριστούμε. Το θέμα διαβιβάστηκε στη Διεύθυνση Τεχνικών Υπηρεσιών για αυτοψία.',
      },
      {
        status: 'in_progress',
        days_ago: 8,
        message:
          'Έγινε αυτοψία. Η αποκατάσταση του πεζοδρομίου και η κατασκευή ράμπας εντάχθηκαν στο τρέχον πρόγραμμα συντήρησης πεζοδρομίων.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'illegal_dumping',
    title: 'Πεταμένα δίχτυα και λάστιχα στην ακτή',
    description:
      'Στην άκρη της παραλίας έχουν αφήσει παλιά δίχτυα, σχοινιά και δύο λάστιχα αυτοκινήτου. Μπλέκονται πουλιά στα δίχτυα.',
    street: 'Σκάλα Νέων Κυδωνιών',
    number: null,
    district: 'nees_kydonies',
    status: 'in_progress',
    days_ago: 18,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 16,
        message: 'Η αναφορά σας καταχωρίστηκε και διαβιβάστηκε στη Διεύθυνση Καθαριότητας.',
      },
      {
        status: 'in_progress',
        days_ago: 11,
        message:
          'Τα ελαστικά απομακρύνθηκαν. Για τα δίχτυα έχει προγραμματιστεί δρομολόγιο με κατάλληλο όχημα την ερχόμενη εβδομάδα.',
      },
    ],
  },
  {
    kind: 'observation',
    category: 'pruning',
    title: 'Δέντρο κρύβει τον φανοστάτη',
    description:
      'Το δέντρο στο πεζοδρόμιο έχει μεγαλώσει τόσο που τα κλαδιά σκεπάζουν εντελώς τη λάμπα. Το βράδυ αυτό το κομμάτι του δρόμου μένει σκοτεινό.',
    street: 'Εθνικής Αντιστάσεως',
    number: null,
    district: 'kioski',
    status: 'in_progress',
    days_ago: 24,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 22,
        message: 'Σας ευχαριστούμε. Το αίτημα διαβιβάστηκε στο Τμήμα Πρασίνου.',
      },
      {
        status: 'in_progress',
        days_ago: 15,
        message:
          'Το κλάδεμα εντάχθηκε στο πρόγραμμα κλαδεμάτων της περιοχής, το οποίο ξεκίνησε και θα ολοκληρωθεί σταδιακά μέσα στον μήνα.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'park_playground',
    title: 'Χαλασμένη τσουλήθρα στην παιδική χαρά',
    description:
      'Η τσουλήθρα έχει σκισμένο πλαστικό με κοφτερές άκρες και λείπουν κομμάτια από το ελαστικό δάπεδο ασφαλείας. Τα παιδιά παίζουν εκεί κάθε απόγευμα.',
    street: 'Σκρά',
    number: null,
    district: 'kioski',
    status: 'in_progress',
    days_ago: 29,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 27,
        message: 'Το αίτημά σας διαβιβάστηκε στο Τμήμα Πρασίνου και Κοινόχρηστων Χώρων.',
      },
      {
        status: 'in_progress',
        days_ago: 20,
        message:
          'Η τσουλήθρα αποκλείστηκε προσωρινά με ταινία σήμανσης. Έχει παραγγελθεί το ανταλλακτικό και η επισκευή θα γίνει μόλις παραληφθεί.',
      },
    ],
  },
  {
    kind: 'complaint',
    category: 'missed_collection',
    title: 'Γεμάτοι κάδοι στην είσοδο της παραλίας',
    description:
      'Οι κάδοι στην είσοδο της παραλίας έχουν να αδειάσουν από την Κυριακή. Τα σκυλιά και ο αέρας σκορπίζουν τα σκουπίδια παντού.',
    street: 'Παραλία Τσαμάκια',
    number: null,
    district: 'makrys_gialos',
    status: 'in_progress',
    days_ago: 37,
    show_name: true,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 36,
        message: 'Σας ευχαριστούμε για την ενημέρωση. Το θέμα διαβιβάστηκε στη Διεύθυνση Καθαριότητας.',
      },
      {
        status: 'in_progress',
        days_ago: 35,
        message:
          'Η περιοχή εντάχθηκε σε συχνότερο δρομολόγιο αποκομιδής. Θα παρακολουθούμε την κατάσταση τις επόμενες εβδομάδες.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'abandoned_vehicle',
    title: 'Παρατημένο βαν πιάνει δύο θέσεις',
    description:
      'Ένα παλιό βαν είναι σταθμευμένο εδώ και μήνες, γεμάτο σκόνη και φύλλα. Σε έναν δρόμο όπου δεν βρίσκεις ποτέ να παρκάρεις, πιάνει δύο θέσεις.',
    street: 'Ναυμάχου Παπανικολή',
    number: null,
    district: 'kentro',
    status: 'in_progress',
    days_ago: 45,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 43,
        message: 'Η αναφορά σας διαβιβάστηκε στη Δημοτική Αστυνομία.',
      },
      {
        status: 'in_progress',
        days_ago: 38,
        message:
          'Έγινε αυτοψία και τοποθετήθηκε ειδοποίηση στο όχημα. Αν δεν το απομακρύνει ο ιδιοκτήτης μέσα στην προθεσμία που ορίζει ο νόμος, θα απομακρυνθεί από τον Δήμο.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'road_signs',
    title: 'Σπασμένος καθρέπτης στη στροφή',
    description:
      'Ο κυρτός καθρέπτης στη στροφή έχει σπάσει και δεν βλέπεις τι έρχεται. Η στροφή είναι τυφλή και τα αυτοκίνητα περνάνε με ταχύτητα.',
    street: 'Αλκαίου',
    number: null,
    district: 'kentro',
    status: 'in_progress',
    days_ago: 58,
    show_name: true,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 57,
        message: 'Σας ευχαριστούμε. Το αίτημα διαβιβάστηκε στη Διεύθυνση Τεχνικών Υπηρεσιών.',
      },
      {
        status: 'in_progress',
        days_ago: 44,
        message: 'Ο νέος καθρέπτης έχει παραγγελθεί και θα τοποθετηθεί αμέσως μετά την παραλαβή του.',
      },
    ],
  },
  {
    kind: 'complaint',
    category: 'graffiti',
    title: 'Συνθήματα στο βάθρο του αγάλματος',
    description:
      'Έγραψαν με σπρέι στο μαρμάρινο βάθρο του αγάλματος στην πλατεία. Κρίμα, είναι το πρώτο που βλέπει όποιος κατεβαίνει από το πλοίο.',
    street: 'Πλατεία Σαπφούς',
    number: null,
    district: 'kentro',
    status: 'in_progress',
    days_ago: 71,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 70,
        message: 'Σας ευχαριστούμε για την αναφορά. Διαβιβάστηκε στη Διεύθυνση Καθαριότητας.',
      },
      {
        status: 'in_progress',
        days_ago: 50,
        message:
          'Επειδή πρόκειται για μάρμαρο, ο καθαρισμός πρέπει να γίνει με ειδικά υλικά ώστε να μην καταστραφεί η επιφάνεια. Ζητήθηκε η συνδρομή εξειδικευμένου συνεργείου και οι εργασίες θα γίνουν σύντομα.',
      },
    ],
  },

  // ---------- resolved ----------
  {
    kind: 'report',
    category: 'bulky_items',
    title: 'Παραλαβή παλιού καναπέ',
    description:
      'Παρακαλώ να παραληφθεί ένας παλιός τριθέσιος καναπές. Θα τον βγάλω στην είσοδο της πολυκατοικίας την ημέρα που θα μου πείτε.',
    street: 'Θέμιδος',
    number: '3',
    district: 'koulmpara',
    status: 'resolved',
    days_ago: 13,
    show_name: true,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 12,
        message:
          'Το αίτημά σας καταχωρίστηκε. Η παραλαβή προγραμματίστηκε για την Πέμπτη το πρωί. Παρακαλούμε να τοποθετήσετε τον καναπέ έξω από την είσοδο το προηγούμενο βράδυ.',
      },
      {
        status: 'resolved',
        days_ago: 9,
        message: 'Ο καναπές παραλήφθηκε. Σας ευχαριστούμε για τη συνεργασία.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'stray_animals',
    title: 'Puppies abandoned near the harbour',
    description:
      "Someone left a box with four puppies next to the boats this morning. They are very small and it's getting cold at night. A few of us are feeding them, but they need proper care.",
    street: 'Σκάλα Μιστεγνών',
    number: null,
    district: 'mistegna',
    status: 'resolved',
    days_ago: 17,
    show_name: true,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 16,
        message: 'Thank you for letting us know. Our animal welfare team has been informed and will visit today.',
      },
      {
        status: 'resolved',
        days_ago: 14,
        message:
          'The puppies were collected by our animal welfare team, checked by a vet and are being looked after until they are adopted. Thank you for caring for them in the meantime.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'streetlight_out',
    title: 'Σβηστές λάμπες στην Ερμού',
    description:
      'Τρεις συνεχόμενες λάμπες στην Ερμού, λίγο πιο πάνω από την αγορά, δεν ανάβουν εδώ και μια εβδομάδα. Το βράδυ ο δρόμος είναι κατασκότεινος και περνάει πολύς κόσμος.',
    street: 'Ερμού',
    number: null,
    district: 'kentro',
    status: 'resolved',
    days_ago: 20,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 19,
        message:
          'Το αίτημά σας διαβιβάστηκε στο συνεργείο ηλεκτροφωτισμού. Η αποκατάσταση προγραμματίζεται εντός της εβδομάδας.',
      },
      {
        status: 'resolved',
        days_ago: 16,
        message: 'Οι λαμπτήρες αντικαταστάθηκαν με νέους τύπου LED. Σας ευχαριστούμε για την ενημέρωση.',
      },
    ],
  },
  {
    kind: 'complaint',
    category: 'bin_full_damaged',
    title: 'Κάδος χωρίς καπάκι',
    description:
      'Ο πράσινος κάδος στη γωνία δεν έχει καπάκι εδώ και καιρό. Όταν βρέχει γεμίζει νερά και μυρίζει όλη η γειτονιά.',
    street: 'Πιττακού',
    number: null,
    district: 'kentro',
    status: 'resolved',
    days_ago: 26,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 25,
        message: 'Σας ευχαριστούμε. Το αίτημα διαβιβάστηκε στη Διεύθυνση Καθαριότητας.',
      },
      {
        status: 'resolved',
        days_ago: 21,
        message: 'Ο κάδος αντικαταστάθηκε με καινούργιο.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'fallen_tree',
    title: 'Πεσμένο πεύκο κλείνει τον μισό δρόμο',
    description:
      'Με τον αέρα χθες το βράδυ έπεσε ένα πεύκο και κλείνει το μισό οδόστρωμα. Τα αυτοκίνητα περνάνε ένα ένα.',
    street: 'Στρατή Ελευθεριάδου',
    number: null,
    district: 'varia',
    status: 'resolved',
    days_ago: 31,
    show_name: true,
    updates: [
      {
        status: 'in_progress',
        days_ago: 30,
        message: 'Σας ευχαριστούμε. Συνεργείο του Τμήματος Πρασίνου μεταβαίνει άμεσα στο σημείο.',
      },
      {
        status: 'resolved',
        days_ago: 29,
        message:
          'Το δέντρο τεμαχίστηκε και απομακρύνθηκε και ο δρόμος είναι ελεύθερος. Σας ευχαριστούμε για την άμεση ενημέρωση.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'dead_animal',
    title: 'Νεκρός σκύλος στην έξοδο της πόλης',
    description:
      'Στην έξοδο της πόλης προς Θερμή, στο δεξί ρεύμα, υπάρχει νεκρός σκύλος, πιθανότατα χτυπημένος από αυτοκίνητο.',
    street: 'Επαρχιακή Οδός Μυτιλήνης – Θερμής',
    number: null,
    district: 'kara_tepe',
    status: 'resolved',
    days_ago: 35,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 34,
        message: 'Το αίτημά σας διαβιβάστηκε στη Διεύθυνση Καθαριότητας για την περισυλλογή.',
      },
      {
        status: 'resolved',
        days_ago: 33,
        message: 'Η περισυλλογή ολοκληρώθηκε. Σας ευχαριστούμε.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'pothole',
    title: 'Λακκούβα στην Κομνηνάκη',
    description:
      'Έχει ανοίξει λακκούβα στη μέση του δρόμου, λίγο πριν από τη διασταύρωση. Όταν βρέχει γεμίζει νερό και δεν φαίνεται.',
    street: 'Κομνηνάκη',
    number: null,
    district: 'kentro',
    status: 'resolved',
    days_ago: 40,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 39,
        message: 'Σας ευχαριστούμε. Διαβιβάστηκε στη Διεύθυνση Τεχνικών Υπηρεσιών.',
      },
      {
        status: 'in_progress',
        days_ago: 34,
        message: 'Η αποκατάσταση εντάχθηκε στο πρόγραμμα εργασιών οδοστρωσίας της εβδομάδας.',
      },
      {
        status: 'resolved',
        days_ago: 30,
        message: 'Η λακκούβα αποκαταστάθηκε με ασφαλτόμιγμα.',
      },
    ],
  },
  {
    kind: 'complaint',
    category: 'illegal_parking',
    title: 'Στάθμευση πάνω στη διάβαση',
    description:
      'Κάθε απόγευμα σταθμεύουν αυτοκίνητα πάνω στη διάβαση και στη ράμπα απέναντι από την πλατεία. Οι ηλικιωμένοι και οι γονείς με καρότσια δεν έχουν από πού να περάσουν.',
    street: 'Παύλου Κουντουριώτου',
    number: null,
    district: 'kentro',
    status: 'resolved',
    days_ago: 47,
    show_name: true,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 46,
        message: 'Η αναφορά σας διαβιβάστηκε στη Δημοτική Αστυνομία.',
      },
      {
        status: 'resolved',
        days_ago: 40,
        message:
          'Η Δημοτική Αστυνομία πραγματοποίησε στοχευμένους ελέγχους στο σημείο τις απογευματινές ώρες και βεβαιώθηκαν παραβάσεις. Οι έλεγχοι θα συνεχιστούν.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'pavement_damage',
    title: 'Τρύπα στο πεζοδρόμιο',
    description:
      'Στο πεζοδρόμιο άνοιξε τρύπα εκεί που έλειπαν δύο πλάκες. Το βράδυ δεν φαίνεται και ο κόσμος σκοντάφτει.',
    street: 'Βερναρδάκη',
    number: null,
    district: 'koulmpara',
    status: 'resolved',
    days_ago: 52,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 50,
        message: 'Σας ευχαριστούμε. Το θέμα διαβιβάστηκε στη Διεύθυνση Τεχνικών Υπηρεσιών.',
      },
      {
        status: 'resolved',
        days_ago: 41,
        message: 'Οι πλάκες αντικαταστάθηκαν και το πεζοδρόμιο αποκαταστάθηκε.',
      },
    ],
  },
  {
    kind: 'observation',
    category: 'pruning',
    title: 'Ψηλά χόρτα στο πεζοδρόμιο',
    description:
      'Τα χόρτα γύρω από τα δέντρα και στην άκρη του πεζοδρομίου έχουν ψηλώσει πάνω από μισό μέτρο. Μαζεύουν σκουπίδια και, όπως λένε οι γείτονες, και φίδια.',
    street: 'Φιλελλήνων',
    number: null,
    district: 'kentro',
    status: 'resolved',
    days_ago: 61,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 60,
        message: 'Το αίτημά σας διαβιβάστηκε στο Τμήμα Πρασίνου.',
      },
      {
        status: 'resolved',
        days_ago: 49,
        message: 'Ολοκληρώθηκε ο καθαρισμός και η κοπή των χόρτων στο σημείο.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'exposed_cable',
    title: 'Στύλος φωτισμού γέρνει μετά από τρακάρισμα',
    description:
      'Ένα αυτοκίνητο χτύπησε τον στύλο του δημοτικού φωτισμού και τώρα γέρνει προς τον δρόμο. Η λάμπα ανάβει, αλλά φοβάμαι ότι θα πέσει.',
    street: 'Ναυμαχίας Έλλης',
    number: null,
    district: 'epano_skala',
    status: 'resolved',
    days_ago: 66,
    show_name: true,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 65,
        message:
          'Σας ευχαριστούμε για την άμεση ενημέρωση. Το συνεργείο ηλεκτροφωτισμού ειδοποιήθηκε και θα ασφαλίσει το σημείο σήμερα.',
      },
      {
        status: 'in_progress',
        days_ago: 64,
        message:
          'Ο στύλος αποσυνδέθηκε από το δίκτυο και το σημείο σημάνθηκε. Η αντικατάσταση θα γίνει μόλις παραληφθεί νέος ιστός.',
      },
      {
        status: 'resolved',
        days_ago: 55,
        message: 'Τοποθετήθηκε νέος ιστός με φωτιστικό LED και το σημείο αποκαταστάθηκε.',
      },
    ],
  },
  {
    kind: 'complaint',
    category: 'graffiti',
    title: 'Συνθήματα σε φρεσκοβαμμένες προσόψεις',
    description:
      'Γέμισαν πάλι συνθήματα οι τοίχοι στο στενό, ακόμη και προσόψεις που μόλις βάφτηκαν. Αν δεν σβήνονται γρήγορα, γράφουν κι άλλα.',
    street: 'Μητροπόλεως',
    number: null,
    district: 'kentro',
    status: 'resolved',
    days_ago: 74,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 72,
        message: 'Το αίτημά σας διαβιβάστηκε στο συνεργείο καθαρισμού επιφανειών.',
      },
      {
        status: 'resolved',
        days_ago: 58,
        message:
          'Καθαρίστηκαν τα συνθήματα στους δημόσιους χώρους και, με τη σύμφωνη γνώμη των ιδιοκτητών, στις προσόψεις των κτιρίων.',
      },
    ],
  },
  {
    kind: 'complaint',
    category: 'missed_collection',
    title: 'Δεν μαζεύτηκαν τα σκουπίδια μετά το πανηγύρι',
    description:
      'Μετά το πανηγύρι της ενορίας οι κάδοι ξεχείλισαν και δεν πέρασε κανείς όλο το Σαββατοκύριακο.',
    street: 'Αγίας Ειρήνης',
    number: null,
    district: 'kentro',
    status: 'resolved',
    days_ago: 83,
    show_name: true,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 82,
        message: 'Σας ευχαριστούμε για την ενημέρωση. Ζητήσαμε έκτακτο δρομολόγιο αποκομιδής.',
      },
      {
        status: 'resolved',
        days_ago: 81,
        message: 'Το έκτακτο δρομολόγιο πραγματοποιήθηκε και ο χώρος καθαρίστηκε.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'park_playground',
    title: 'Σπασμένα παγκάκια δίπλα στο λιμάνι',
    description:
      'Στον χώρο πρασίνου δίπλα στο λιμανάκι δύο παγκάκια έχουν σπασμένα ξύλα και ένα έχει ξεβιδωθεί από τη βάση του.',
    street: 'Λιμάνι Θερμής',
    number: null,
    district: 'thermi',
    status: 'resolved',
    days_ago: 90,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 88,
        message: 'Σας ευχαριστούμε. Το αίτημα διαβιβάστηκε στο Τμήμα Πρασίνου και Κοινόχρηστων Χώρων.',
      },
      {
        status: 'in_progress',
        days_ago: 75,
        message: 'Παραγγέλθηκε η ξυλεία για την επισκευή των παγκακιών.',
      },
      {
        status: 'resolved',
        days_ago: 62,
        message: 'Τα παγκάκια επισκευάστηκαν και στερεώθηκαν ξανά. Σας ευχαριστούμε για την υπομονή σας.',
      },
    ],
  },
  {
    kind: 'observation',
    category: 'social_support',
    title: 'Ηλικιωμένη γειτόνισσα χωρίς θέρμανση',
    description:
      'Μια ηλικιωμένη κυρία που μένει μόνη της στην πολυκατοικία μας δεν έχει θέρμανση αυτόν τον χειμώνα και δεν έχει συγγενείς εδώ. Δεν ξέρει πώς να ζητήσει βοήθεια, γι’ αυτό γράφω εγώ.',
    street: 'Ελευθερίου Βενιζέλου',
    number: null,
    district: 'kentro',
    status: 'resolved',
    days_ago: 97,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 96,
        message:
          'Σας ευχαριστούμε που νοιαστήκατε. Το αίτημα διαβιβάστηκε στη Διεύθυνση Κοινωνικής Προστασίας και Αλληλεγγύης, η οποία θα επικοινωνήσει μαζί σας για να οργανωθεί επίσκεψη.',
      },
      {
        status: 'in_progress',
        days_ago: 93,
        message: 'Κοινωνική λειτουργός επισκέφθηκε την κυρία και εξετάζονται οι δυνατότητες στήριξης.',
      },
      {
        status: 'resolved',
        days_ago: 85,
        message:
          'Η κυρία εντάχθηκε στο πρόγραμμα «Βοήθεια στο Σπίτι» και της χορηγήθηκε βοήθημα θέρμανσης. Σας ευχαριστούμε για την ευαισθησία σας.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'road_signs',
    title: 'Ξεθωριασμένη πινακίδα κοντά στο σχολείο',
    description:
      'Η πινακίδα «Προσοχή, παιδιά» στην είσοδο της αγοράς έχει ξεθωριάσει και σχεδόν δεν διαβάζεται. Τα αυτοκίνητα μπαίνουν με ταχύτητα.',
    street: 'Αγορά Μόριας',
    number: null,
    district: 'moria',
    status: 'resolved',
    days_ago: 108,
    show_name: true,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 105,
        message: 'Σας ευχαριστούμε. Το αίτημα διαβιβάστηκε στη Διεύθυνση Τεχνικών Υπηρεσιών.',
      },
      {
        status: 'resolved',
        days_ago: 79,
        message: 'Τοποθετήθηκε νέα πινακίδα και διαγραμμίστηκε εκ νέου η διάβαση πεζών.',
      },
    ],
  },
  {
    kind: 'observation',
    category: 'other',
    title: 'Ξεκολλημένο κάγκελο στα σκαλιά',
    description:
      'Στα σκαλάκια της γειτονιάς έχει ξεκολλήσει ένα κομμάτι από το κάγκελο και κρέμεται. Είναι επικίνδυνο για όποιον στηριχτεί, ειδικά για τους ηλικιωμένους.',
    street: 'Σκρά',
    number: null,
    district: 'kioski',
    status: 'resolved',
    days_ago: 118,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 116,
        message: 'Σας ευχαριστούμε. Το θέμα διαβιβάστηκε στη Διεύθυνση Τεχνικών Υπηρεσιών.',
      },
      {
        status: 'resolved',
        days_ago: 101,
        message: 'Το κάγκελο επισκευάστηκε και βάφτηκε.',
      },
    ],
  },

  // ---------- rejected ----------
  {
    kind: 'complaint',
    category: 'water_sewerage',
    title: 'Τρέχει νερό στον δρόμο εδώ και 3 μέρες',
    description:
      'Από ένα σημείο στο οδόστρωμα βγαίνει συνέχεια καθαρό νερό, μάλλον από σπασμένο σωλήνα. Χάνεται τόσο νερό και δεν έχει έρθει κανείς.',
    street: 'Αλκαίου',
    number: null,
    district: 'kentro',
    status: 'rejected',
    days_ago: 16,
    show_name: true,
    updates: [
      {
        status: 'rejected',
        days_ago: 15,
        message:
          'Σας ευχαριστούμε για την αναφορά. Το δίκτυο ύδρευσης ανήκει στην αρμοδιότητα της ΔΕΥΑ Λέσβου και όχι των υπηρεσιών του Δήμου, γι’ αυτό το αίτημα κλείνει εδώ. Έχουμε ήδη διαβιβάσει την αναφορά σας στη ΔΕΥΑ Λέσβου· για ενημέρωση μπορείτε να απευθυνθείτε στη βάρδια βλαβών της.',
      },
    ],
  },
  {
    kind: 'complaint',
    category: 'pothole',
    title: 'Λακκούβες στον δρόμο για Θερμή',
    description:
      'Μετά την έξοδο της πόλης ο δρόμος είναι γεμάτος λακκούβες και μπαλώματα. Την περασμένη εβδομάδα έσκασα λάστιχο.',
    street: 'Επαρχιακή Οδός Μυτιλήνης – Θερμής',
    number: null,
    district: 'kara_tepe',
    status: 'rejected',
    days_ago: 39,
    show_name: false,
    updates: [
      {
        status: 'acknowledged',
        days_ago: 38,
        message: 'Σας ευχαριστούμε για την αναφορά. Εξετάζουμε ποια υπηρεσία είναι αρμόδια για το συγκεκριμένο τμήμα.',
      },
      {
        status: 'rejected',
        days_ago: 36,
        message:
          'Η οδός Μυτιλήνης – Θερμής είναι επαρχιακή και η συντήρησή της ανήκει στην Περιφέρεια Βορείου Αιγαίου (Περιφερειακή Ενότητα Λέσβου), όχι στον Δήμο. Διαβιβάσαμε την αναφορά σας στις Τεχνικές Υπηρεσίες της Περιφερειακής Ενότητας. Για τη ζημιά στο όχημά σας μπορείτε επίσης να απευθυνθείτε στην Περιφέρεια.',
      },
    ],
  },
  {
    kind: 'report',
    category: 'exposed_cable',
    title: 'Κρέμεται καλώδιο ρεύματος από κολόνα',
    description:
      'Από την ξύλινη κολόνα στη γωνία κρέμεται ένα χοντρό καλώδιο, σχεδόν στο ύψος του κεφαλιού. Δεν ξέρω αν έχει ρεύμα.',
    street: 'Αγορά Μόριας',
    number: null,
    district: 'moria',
    status: 'rejected',
    days_ago: 55,
    show_name: true,
    updates: [
      {
        status: 'rejected',
        days_ago: 54,
        message:
          'Σας ευχαριστούμε. Οι ξύλινες κολόνες και τα καλώδια του δικτύου ηλεκτροδότησης ανήκουν στον ΔΕΔΔΗΕ και όχι στον δημοτικό φωτισμό. Ενημερώσαμε ήδη τον ΔΕΔΔΗΕ, ο οποίος είναι αρμόδιος για την αποκατάσταση. Σε περίπτωση άμεσου κινδύνου καλέστε το 112.',
      },
    ],
  },
  {
    kind: 'complaint',
    category: 'noise',
    title: 'Φασαρία από διαμέρισμα κάθε βράδυ',
    description:
      'Από ένα διαμέρισμα στον τρίτο όροφο ακούγονται δυνατή μουσική και φωνές σχεδόν κάθε βράδυ μετά τις 12. Έχουμε παιδιά που πάνε σχολείο.',
    street: 'Σμύρνης',
    number: null,
    district: 'kentro',
    status: 'rejected',
    days_ago: 88,
    show_name: false,
    updates: [
      {
        status: 'rejected',
        days_ago: 86,
        message:
          'Κατανοούμε την ταλαιπωρία σας. Οι οχλήσεις από ιδιωτικές κατοικίες, και ιδίως η διατάραξη της κοινής ησυχίας τις νυχτερινές ώρες, αντιμετωπίζονται από την Ελληνική Αστυνομία (τηλ. 100) τη στιγμή που συμβαίνουν και όχι από τη Δημοτική Αστυνομία. Για τον λόγο αυτό το αίτημα κλείνει.',
      },
    ],
  },
]
