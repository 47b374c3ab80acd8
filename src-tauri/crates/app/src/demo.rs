//! A realistic demo portfolio: French names with their accents, real towns and postcodes,
//! households of two to four people under one roof, some companies with valid SIREN numbers.
//! Deterministic for a given seed, so the screenshots and benchmarks are reproducible.

use chrono::{Datelike, Duration, Months, NaiveDate};
use courtier_domain::client::{
    fold_for_search, Address, AddressKind, Civility, Client, ClientKind, ClientStatus, Email,
    EmailKind, Phone, PhoneKind,
};
use courtier_port::{
    BatchClaim, BatchContract, DriverRow, NewClaim, NewContract, PremiumLineRow, VehicleRow,
};

/// Clients committed per transaction when loading a demo portfolio.
pub const BATCH: u32 = 1_000;

const LAST_NAMES: &[&str] = &[
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefèvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
    "Masson",
    "Marchand",
    "Duval",
    "Denis",
    "Dumont",
    "Lemaire",
    "Noël",
    "Meyer",
    "Dufour",
    "Meunier",
    "Brun",
    "Blanchard",
    "Giraud",
    "Joly",
    "Rivière",
    "Lucas",
    "Brunet",
    "Gaillard",
    "Barbier",
    "Arnaud",
    "Martinez",
    "Gérard",
    "Roche",
    "Renard",
    "Schmitt",
    "Roy",
    "Leroux",
    "Colin",
    "Vidal",
    "Caron",
    "Picard",
    "Roger",
    "Fabre",
    "Aubert",
    "Lemoine",
    "Renaud",
    "Dumas",
    "Lacroix",
    "Olivier",
    "Philippe",
    "Bourgeois",
    "Pierre",
    "Benoît",
    "Rey",
    "Leclerc",
    "Payet",
    "Rolland",
    "Guillaume",
    "Lecomte",
    "Lopez",
    "Dupuy",
    "Guillot",
    "Hubert",
    "Berger",
    "Carpentier",
    "Sanchez",
    "Dupuis",
    "Moulin",
    "Deschamps",
    "Huet",
    "Vasseur",
    "Perez",
    "Boucher",
    "Fleury",
    "Royer",
    "Klein",
    "Jacquet",
    "Adam",
    "Poirier",
    "Marty",
    "Aubry",
    "Guyot",
    "Carré",
    "Charpentier",
    "Ménard",
    "Maillard",
    "Baron",
    "Bertin",
    "Bailly",
    "Hervé",
    "Schneider",
    "Fernandez",
    "Le Gall",
    "Collet",
    "Léger",
    "Bouvier",
    "Julien",
    "Prévost",
    "Millet",
    "Perrot",
    "Le Roux",
    "Cousin",
    "Germain",
    "Breton",
    "Besson",
    "Langlois",
    "Rémy",
    "Le Goff",
    "Pelletier",
    "Lévêque",
    "Perrier",
    "Leblanc",
    "Barré",
    "Lebrun",
    "Marchal",
    "Weber",
    "Mallet",
    "Hamon",
    "Boulanger",
    "Jacob",
    "Monnier",
    "Michaud",
    "Guichard",
    "Gillet",
    "Étienne",
    "Grondin",
    "Poulain",
    "Tessier",
    "Chauvin",
    "Da Silva",
    "Bouchet",
    "Lemaître",
    "Bénard",
    "Humbert",
    "Reynaud",
    "Hoarau",
    "Barthélemy",
    "Cordier",
    "Pichon",
    "Lejeune",
    "Gilbert",
    "Lamy",
    "Delaunay",
    "Pasquier",
    "Laporte",
    "N'Diaye",
    "Benali",
    "Nguyen",
    "O'Neill",
    "Kowalski",
];

const WOMEN: &[&str] = &[
    "Hélène",
    "Élodie",
    "Chloé",
    "Léa",
    "Zoé",
    "Anaïs",
    "Maëlle",
    "Inès",
    "Noémie",
    "Cécile",
    "Françoise",
    "Thérèse",
    "Amélie",
    "Agnès",
    "Béatrice",
    "Céline",
    "Sophie",
    "Marie",
    "Camille",
    "Julie",
    "Sandrine",
    "Nathalie",
    "Isabelle",
    "Valérie",
    "Christine",
    "Émilie",
    "Manon",
    "Laura",
    "Sarah",
    "Pauline",
    "Aurélie",
    "Lucie",
    "Juliette",
    "Margaux",
    "Clémence",
    "Océane",
    "Mathilde",
    "Geneviève",
    "Jacqueline",
    "Monique",
    "Brigitte",
    "Véronique",
    "Sylvie",
    "Marie-Claire",
    "Anne-Sophie",
    "Fatima",
    "Yasmine",
];

const MEN: &[&str] = &[
    "Jean",
    "Pierre",
    "Michel",
    "André",
    "Philippe",
    "René",
    "Louis",
    "Alain",
    "Jacques",
    "Bernard",
    "Marcel",
    "Daniel",
    "Roger",
    "Robert",
    "Paul",
    "Claude",
    "Christian",
    "Henri",
    "Georges",
    "Nicolas",
    "François",
    "Patrick",
    "Éric",
    "Frédéric",
    "Stéphane",
    "Sébastien",
    "Julien",
    "Thomas",
    "Maxime",
    "Antoine",
    "Mathieu",
    "Hugo",
    "Lucas",
    "Théo",
    "Léo",
    "Jérôme",
    "Loïc",
    "Gaëtan",
    "Benoît",
    "Raphaël",
    "Noël",
    "Rémi",
    "Anthony",
    "Kévin",
    "Yannick",
    "Hervé",
    "Grégory",
    "Cédric",
    "Fabrice",
    "Olivier",
    "Thierry",
    "Bruno",
    "Laurent",
    "Jean-Pierre",
    "Jean-Luc",
    "Karim",
    "Mehdi",
];

/// Real towns with one of their postcodes, and the first digits of their landlines.
const TOWNS: &[(&str, &str, &str)] = &[
    ("Paris", "75011", "01"),
    ("Paris", "75015", "01"),
    ("Paris", "75018", "01"),
    ("Marseille", "13008", "04"),
    ("Lyon", "69003", "04"),
    ("Toulouse", "31000", "05"),
    ("Nice", "06000", "04"),
    ("Nantes", "44000", "02"),
    ("Montpellier", "34000", "04"),
    ("Strasbourg", "67000", "03"),
    ("Bordeaux", "33000", "05"),
    ("Lille", "59000", "03"),
    ("Rennes", "35000", "02"),
    ("Reims", "51100", "03"),
    ("Toulon", "83000", "04"),
    ("Saint-Étienne", "42000", "04"),
    ("Le Havre", "76600", "02"),
    ("Grenoble", "38000", "04"),
    ("Dijon", "21000", "03"),
    ("Angers", "49000", "02"),
    ("Nîmes", "30000", "04"),
    ("Villeurbanne", "69100", "04"),
    ("Clermont-Ferrand", "63000", "04"),
    ("Le Mans", "72000", "02"),
    ("Aix-en-Provence", "13100", "04"),
    ("Brest", "29200", "02"),
    ("Tours", "37000", "02"),
    ("Amiens", "80000", "03"),
    ("Limoges", "87000", "05"),
    ("Annecy", "74000", "04"),
    ("Perpignan", "66000", "04"),
    ("Metz", "57000", "03"),
    ("Besançon", "25000", "03"),
    ("Orléans", "45000", "02"),
    ("Rouen", "76000", "02"),
    ("Mulhouse", "68100", "03"),
    ("Caen", "14000", "02"),
    ("Nancy", "54000", "03"),
    ("Argenteuil", "95100", "01"),
    ("Montreuil", "93100", "01"),
    ("Avignon", "84000", "04"),
    ("Poitiers", "86000", "05"),
    ("Pau", "64000", "05"),
    ("La Rochelle", "17000", "05"),
    ("Colmar", "68000", "03"),
    ("Quimper", "29000", "02"),
    ("Vannes", "56000", "02"),
    ("Chambéry", "73000", "04"),
    ("Béziers", "34500", "04"),
    ("Ajaccio", "20000", "04"),
    ("Saint-Denis", "97400", "02"),
    ("Fort-de-France", "97200", "05"),
    ("Versailles", "78000", "01"),
    ("Saint-Malo", "35400", "02"),
    ("Valence", "26000", "04"),
    ("Troyes", "10000", "03"),
    ("Albi", "81000", "05"),
    ("Niort", "79000", "05"),
    ("Épinal", "88000", "03"),
    ("Bayonne", "64100", "05"),
    ("Périgueux", "24000", "05"),
    ("Évreux", "27000", "02"),
];

const STREETS: &[&str] = &[
    "rue de la République",
    "avenue Jean Jaurès",
    "rue Victor Hugo",
    "boulevard Gambetta",
    "place de la Mairie",
    "rue des Écoles",
    "chemin des Vignes",
    "allée des Tilleuls",
    "rue Pasteur",
    "avenue du Général de Gaulle",
    "rue du Moulin",
    "impasse des Lilas",
    "rue de l'Église",
    "boulevard Voltaire",
    "rue Émile Zola",
    "route de Lyon",
    "rue des Acacias",
    "quai de la Loire",
    "rue Jules Ferry",
    "avenue Foch",
    "rue du Château",
    "chemin de la Fontaine",
];

const PROFESSIONS: &[&str] = &[
    "Infirmière",
    "Enseignant",
    "Artisan plombier",
    "Commerçante",
    "Ingénieur",
    "Retraité",
    "Agriculteur",
    "Chauffeur routier",
    "Comptable",
    "Médecin généraliste",
    "Étudiant",
    "Employée de banque",
    "Technicien de maintenance",
    "Commercial itinérant",
    "Boulanger",
    "Aide-soignante",
    "Architecte",
    "Agent immobilier",
    "Fonctionnaire territorial",
    "Électricien",
    "Avocate",
    "Pharmacien",
    "Cadre commercial",
    "Secrétaire médicale",
    "Gendarme",
];

const SOURCES: &[&str] = &[
    "Recommandation",
    "Site web",
    "Salon",
    "Démarchage",
    "Apporteur d'affaires",
    "Ancien client",
];

const BROKERS: &[&str] = &[
    "Claire Vasseur",
    "Marc Lemoine",
    "Sonia Benali",
    "Thomas Girard",
];

const MAIL_DOMAINS: &[&str] = &[
    "orange.fr",
    "free.fr",
    "gmail.com",
    "laposte.net",
    "sfr.fr",
    "wanadoo.fr",
    "outlook.fr",
    "hotmail.fr",
    "yahoo.fr",
];

const COMPANY_PATTERNS: &[&str] = &[
    "Transports {}",
    "Boulangerie {}",
    "SARL {} et Fils",
    "{} Bâtiment",
    "Ambulances {}",
    "Plomberie {}",
    "Taxis {}",
    "Garage {}",
];

/// Fictional insurers of the demo portfolio: name, street, postcode, city, domain (`.example`,
/// reserved: no mail can ever leave for it).
pub const INSURERS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "Mutuelle de l'Ouest",
        "4 quai de la Fosse",
        "44000",
        "Nantes",
        "mutuelle-ouest.example",
    ),
    (
        "Assurances du Rhône",
        "25 cours Lafayette",
        "69003",
        "Lyon",
        "assurances-rhone.example",
    ),
    (
        "Prévoyance Atlantique",
        "12 allées de Tourny",
        "33000",
        "Bordeaux",
        "prevoyance-atlantique.example",
    ),
    (
        "Garantie Mutuelle des Artisans",
        "8 rue de la Paix",
        "75002",
        "Paris",
        "gma.example",
    ),
    (
        "Alliance Auto Assurances",
        "3 rue Nationale",
        "59000",
        "Lille",
        "alliance-auto.example",
    ),
    (
        "La Sauvegarde Routière",
        "17 rue d'Alsace-Lorraine",
        "31000",
        "Toulouse",
        "sauvegarde-routiere.example",
    ),
];

/// Cars brokers see every day: make and models.
const CARS: &[(&str, &[&str])] = &[
    (
        "Renault",
        &[
            "Clio", "Mégane", "Captur", "Twingo", "Scénic", "Kangoo", "Austral",
        ],
    ),
    (
        "Peugeot",
        &["208", "308", "2008", "3008", "5008", "Partner"],
    ),
    (
        "Citroën",
        &["C3", "C4", "C3 Aircross", "Berlingo", "C5 Aircross"],
    ),
    ("Dacia", &["Sandero", "Duster", "Jogger", "Spring"]),
    ("Volkswagen", &["Polo", "Golf", "T-Roc", "Tiguan"]),
    ("Toyota", &["Yaris", "Corolla", "C-HR", "RAV4"]),
    ("Tesla", &["Model 3", "Model Y"]),
    ("Fiat", &["500", "Panda", "Tipo"]),
];

/// Letters of SIV registrations (never I, O, U).
const SIV_LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTVWXYZ";

/// SplitMix64: small, fast and good enough for demo data; no dependency.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + (self.next() % 10) as u8))
            .collect()
    }
}

/// Generates demo clients, batch after batch.
#[derive(Debug, Clone)]
pub struct Generator {
    rng: Rng,
    today: NaiveDate,
    serial: u64,
}

impl Generator {
    pub fn new(seed: u64, today: NaiveDate) -> Self {
        Generator {
            rng: Rng(seed),
            today,
            serial: 0,
        }
    }

    /// `n` clients, and the households among them (indexes into the batch).
    pub fn batch(&mut self, n: u32) -> (Vec<Client>, Vec<Vec<usize>>) {
        let n = n as usize;
        let mut clients = Vec::with_capacity(n);
        let mut households = Vec::new();
        while clients.len() < n {
            let room = n - clients.len();
            if self.rng.chance(8) {
                clients.push(self.company());
            } else if room >= 2 && self.rng.chance(22) {
                let size = (2 + self.rng.below(3)).min(room);
                let start = clients.len();
                clients.extend(self.household(size));
                households.push((start..start + size).collect());
            } else {
                let address = self.address();
                let last = self.rng.pick(LAST_NAMES);
                let age = 18 + self.rng.below(70) as i64;
                clients.push(self.person(last, age, address));
            }
        }
        (clients, households)
    }

    fn address(&mut self) -> Address {
        let (city, postcode, _) = TOWNS[self.rng.below(TOWNS.len())];
        let number = 1 + self.rng.below(140);
        let bis = if self.rng.chance(5) { " bis" } else { "" };
        Address {
            kind: AddressKind::Principale,
            line1: Some(format!("{number}{bis} {}", self.rng.pick(STREETS))),
            line2: self.rng.chance(12).then(|| {
                format!(
                    "Bâtiment {}, appartement {}",
                    (b'A' + self.rng.below(4) as u8) as char,
                    1 + self.rng.below(40)
                )
            }),
            postcode: postcode.to_string(),
            city: city.to_string(),
            country: "France".to_string(),
        }
    }

    fn birth_date(&mut self, age: i64) -> NaiveDate {
        let days = age * 365 + self.rng.below(365) as i64;
        let d = self.today - Duration::days(days);
        // Keep it a plausible calendar date (no day after today).
        NaiveDate::from_ymd_opt(d.year(), d.month(), d.day()).unwrap_or(d)
    }

    fn mobile(&mut self) -> String {
        let prefix = if self.rng.chance(70) { "06" } else { "07" };
        format!("{prefix}{}", self.rng.digits(8))
    }

    fn email(&mut self, first: &str, last: &str) -> String {
        self.serial += 1;
        let clean = |s: &str| -> String {
            fold_for_search(s)
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect()
        };
        let n = if self.rng.chance(40) {
            (self.serial % 97).to_string()
        } else {
            String::new()
        };
        format!(
            "{}.{}{n}@{}",
            clean(first),
            clean(last),
            self.rng.pick(MAIL_DOMAINS)
        )
    }

    fn status(&mut self) -> ClientStatus {
        match self.rng.below(10) {
            0 | 1 => ClientStatus::Prospect,
            2 => ClientStatus::Former,
            _ => ClientStatus::Client,
        }
    }

    fn person(&mut self, last: &str, age: i64, address: Address) -> Client {
        let woman = self.rng.chance(50);
        let first = if woman {
            self.rng.pick(WOMEN)
        } else {
            self.rng.pick(MEN)
        };
        let landline = TOWNS
            .iter()
            .find(|t| t.1 == address.postcode)
            .map_or("01", |t| t.2);
        let mut phones = vec![Phone {
            kind: PhoneKind::Mobile,
            number: self.mobile(),
        }];
        if self.rng.chance(25) {
            phones.push(Phone {
                kind: PhoneKind::Fixe,
                number: format!("{landline}{}", self.rng.digits(8)),
            });
        }
        let emails = if self.rng.chance(85) {
            vec![Email {
                kind: EmailKind::Personnel,
                address: self.email(first, last),
            }]
        } else {
            Vec::new()
        };
        let notes = self.rng.chance(15).then(|| {
            let pick = [
                "Préfère être appelé le soir après 18 h.",
                "Intéressé par une assurance habitation, à relancer au printemps.",
                "A demandé un devis pour le véhicule de sa fille (permis récent).",
                "Client fidèle depuis l'ouverture du cabinet.",
                "Relevé d'information demandé à l'ancien assureur.",
            ];
            pick[self.rng.below(pick.len())].to_string()
        });
        Client {
            kind: ClientKind::Person,
            civility: Some(if woman { Civility::Mme } else { Civility::M }),
            last_name: Some(last.to_string()),
            first_name: Some(first.to_string()),
            company_name: None,
            siren: None,
            birth_date: Some(self.birth_date(age)),
            addresses: vec![address],
            phones,
            emails,
            profession: (age >= 67).then(|| "Retraité".to_string()).or_else(|| {
                self.rng
                    .chance(80)
                    .then(|| self.rng.pick(PROFESSIONS).to_string())
            }),
            status: self.status(),
            source: Some(self.rng.pick(SOURCES).to_string()),
            assigned_broker: Some(self.rng.pick(BROKERS).to_string()),
            notes,
        }
    }

    fn household(&mut self, size: usize) -> Vec<Client> {
        let last = self.rng.pick(LAST_NAMES);
        let address = self.address();
        let parent_age = 30 + self.rng.below(35) as i64;
        (0..size)
            .map(|i| {
                let age = match i {
                    0 => parent_age,
                    1 => (parent_age - 3 + self.rng.below(7) as i64).max(18),
                    _ => (parent_age - 22 - self.rng.below(8) as i64).max(18),
                };
                self.person(last, age, address.clone())
            })
            .collect()
    }

    fn company(&mut self) -> Client {
        let last = self.rng.pick(LAST_NAMES);
        let pattern = self.rng.pick(COMPANY_PATTERNS);
        let name = pattern.replace("{}", last);
        let address = self.address();
        let contact_first = self.rng.pick(MEN);
        Client {
            kind: ClientKind::Company,
            civility: None,
            last_name: None,
            first_name: None,
            company_name: Some(name.clone()),
            siren: Some(self.siren()),
            birth_date: None,
            addresses: vec![address],
            phones: vec![Phone {
                kind: PhoneKind::Professionnel,
                number: self.mobile(),
            }],
            emails: vec![Email {
                kind: EmailKind::Professionnel,
                address: self.email(contact_first, last),
            }],
            profession: None,
            status: self.status(),
            source: Some(self.rng.pick(SOURCES).to_string()),
            assigned_broker: Some(self.rng.pick(BROKERS).to_string()),
            notes: Some(format!(
                "Flotte de véhicules ; interlocuteur : {contact_first} {last}."
            )),
        }
    }

    /// Contracts and claims for a batch of clients (indexes into `clients`), with `insurers` the
    /// ids of [`INSURERS`]. Most clients have one car contract, some two, companies a small fleet
    /// (beyond three vehicles outside the clause, A121-2); some drivers are risky, so the
    /// coefficients spread over the whole range.
    pub fn contracts(&mut self, clients: &[Client], insurers: &[i64]) -> Vec<BatchContract> {
        let mut out = Vec::new();
        for (i, c) in clients.iter().enumerate() {
            let n = match (c.kind, c.status) {
                (_, ClientStatus::Prospect) => 0,
                (ClientKind::Company, _) => 2 + self.rng.below(4),
                // Car, often a second car or a household's young driver's car.
                (ClientKind::Person, _) => match self.rng.below(100) {
                    0..=4 => 0,
                    5..=34 => 1,
                    35..=84 => 2,
                    _ => 3,
                },
            };
            // Claims (all kinds, glass included) per hundred years: most drivers 12, a tenth
            // 35, a few 80.
            let risk = match self.rng.below(100) {
                0..=2 => 80,
                3..=12 => 35,
                _ => 12,
            };
            for k in 0..n {
                if let Some(b) = self.contract(i, c, k, risk, insurers) {
                    out.push(b);
                }
            }
        }
        out
    }

    /// A SIV registration (`AB-123-CD`).
    fn registration(&mut self) -> String {
        let mut letter = || char::from(SIV_LETTERS[self.rng.below(SIV_LETTERS.len())]);
        let (a, b, c, d) = (letter(), letter(), letter(), letter());
        let a = if a == b && (a == 'S' || a == 'W') {
            'A'
        } else {
            a
        };
        format!("{a}{b}-{:03}-{c}{d}", 1 + self.rng.below(999))
    }

    fn vehicle(&mut self, from: NaiveDate) -> VehicleRow {
        let (make, models) = CARS[self.rng.below(CARS.len())];
        let model = models[self.rng.below(models.len())];
        let age_days = self.rng.below(365 * 8) as i64;
        VehicleRow {
            id: 0,
            contract_id: 0,
            registration: self.registration(),
            make: Some(make.into()),
            model: Some(model.into()),
            first_registration: Some(from - Duration::days(age_days)),
            from_date: from,
            to_date: None,
            replaced_by: None,
            transfer_note: None,
            other_drivers: false,
        }
    }

    /// The vehicles of a contract: one from the subscription, sometimes replaced since (the
    /// coefficient moves with the contract, R16).
    fn vehicles(&mut self, subscription: NaiveDate) -> Vec<VehicleRow> {
        let mut out = vec![self.vehicle(subscription)];
        let mut from = subscription;
        while (self.today - from).num_days() > 365 * 4 && self.rng.chance(40) {
            let on = from + Duration::days(365 * 2 + self.rng.below(365 * 3) as i64);
            if on >= self.today {
                break;
            }
            let next = self.vehicle(on);
            if let Some(last) = out.last_mut() {
                last.to_date = Some(on);
                last.transfer_note = Some(format!(
                    "Remplacé le {} par le véhicule {} ; mêmes conducteurs habituels : le coefficient est transféré.",
                    on.format("%d/%m/%Y"),
                    next.registration
                ));
            }
            out.push(next);
            from = on;
        }
        out
    }

    /// A driver born about `age` years before `today`, licensed at 18 to 25 (sometimes after
    /// supervised learning).
    fn driver(
        &mut self,
        role: &str,
        last_name: String,
        first_name: Option<String>,
        birth: Option<NaiveDate>,
        from: NaiveDate,
        is_client: bool,
    ) -> DriverRow {
        let birth = birth
            .unwrap_or_else(|| self.today - Duration::days(365 * (19 + self.rng.below(55) as i64)));
        let aac = self.rng.chance(20);
        let licence_age = if aac {
            18
        } else {
            18 + self.rng.below(8) as i64
        };
        let licence = (birth + Duration::days(365 * licence_age + self.rng.below(300) as i64))
            .min(self.today - Duration::days(30));
        DriverRow {
            id: 0,
            contract_id: 0,
            client_id: is_client.then_some(0),
            role: role.into(),
            last_name,
            first_name,
            birth_date: Some(birth),
            licence_number: Some(format!("{}{}", licence.format("%y%m"), self.rng.digits(8))),
            licence_date: Some(licence),
            aac,
            from_date: from.max(licence),
            to_date: None,
        }
    }

    /// The principal driver (the client, or an employee of a company) and sometimes a second.
    fn drivers(&mut self, client: &Client, from: NaiveDate) -> Vec<DriverRow> {
        let mut out = Vec::new();
        match (client.kind, &client.last_name) {
            (ClientKind::Person, Some(last)) => {
                let d = self.driver(
                    "principal",
                    last.clone(),
                    client.first_name.clone(),
                    client.birth_date,
                    from,
                    true,
                );
                out.push(d);
            }
            _ => {
                let last = self.rng.pick(LAST_NAMES).to_string();
                let first = self.rng.pick(MEN).to_string();
                out.push(self.driver("principal", last, Some(first), None, from, false));
            }
        }
        if self.rng.chance(30) {
            let last = client
                .last_name
                .clone()
                .unwrap_or_else(|| self.rng.pick(LAST_NAMES).to_string());
            let first = self.rng.pick(WOMEN).to_string();
            let role = if self.rng.chance(50) {
                "secondaire"
            } else {
                "occasionnel"
            };
            out.push(self.driver(role, last, Some(first), None, from, false));
        }
        out
    }

    fn contract(
        &mut self,
        client_index: usize,
        client: &Client,
        nth: usize,
        risk: u64,
        insurers: &[i64],
    ) -> Option<BatchContract> {
        let insurer_id = *insurers.get(self.rng.below(insurers.len()))?;
        let days_ago = 120 + self.rng.below(365 * 18) as i64;
        let subscription = self.today - Duration::days(days_ago);
        let first_echeance = if self.rng.chance(50) {
            subscription.checked_add_months(Months::new(12))?
        } else {
            // The next 1 January, at most twelve months away.
            NaiveDate::from_ymd_opt(subscription.year() + 1, 1, 1)?
        };
        if first_echeance <= subscription {
            return None;
        }
        let start = match self.rng.below(10) {
            0..=3 => 100,
            4..=6 => 50 + self.rng.below(45) as u32,
            7 | 8 => 50,
            _ => 101 + self.rng.below(120) as u32,
        };
        self.serial += 1;
        let premium = |rng: &mut Rng, lo: i64, hi: i64| {
            lo * 100 + rng.below(((hi - lo) * 100) as usize) as i64
        };
        let mut premiums = vec![PremiumLineRow {
            from_date: subscription,
            guarantee: "Responsabilité civile".into(),
            amount_cents: premium(&mut self.rng, 180, 450),
            modulated: true,
        }];
        if self.rng.chance(70) {
            premiums.push(PremiumLineRow {
                from_date: subscription,
                guarantee: "Dommages tous accidents".into(),
                amount_cents: premium(&mut self.rng, 150, 600),
                modulated: true,
            });
        }
        premiums.push(PremiumLineRow {
            from_date: subscription,
            guarantee: "Bris de glace".into(),
            amount_cents: premium(&mut self.rng, 40, 90),
            modulated: true,
        });
        premiums.push(PremiumLineRow {
            from_date: subscription,
            guarantee: "Assistance".into(),
            amount_cents: premium(&mut self.rng, 30, 60),
            modulated: false,
        });
        let years = (days_ago / 365).max(1);
        let per_year = risk;
        let mut claims = Vec::new();
        for _ in 0..years {
            if !self.rng.chance(per_year) {
                continue;
            }
            let occurred =
                subscription + Duration::days(1 + self.rng.below(days_ago as usize - 1) as i64);
            let (kind, resp) = match if risk > 50 {
                self.rng.below(40)
            } else {
                self.rng.below(100)
            } {
                0..=34 => ("accident", "full"),
                35..=49 => ("accident", "partial"),
                50..=69 => ("accident", "none"),
                70..=84 => ("glass", "none"),
                85..=89 => ("theft", "none"),
                90..=94 => ("parked_unidentified", "none"),
                95..=97 => ("natural_disaster", "none"),
                _ => ("fire", "none"),
            };
            let declared = (occurred + Duration::days(self.rng.below(10) as i64)).min(self.today);
            let mut requalifications = Vec::new();
            if kind == "accident" && resp != "none" && self.rng.chance(8) {
                let on = occurred + Duration::days(30 + self.rng.below(240) as i64);
                if on <= self.today {
                    let to = if resp == "full" { "partial" } else { "none" };
                    requalifications.push((to.to_string(), on));
                }
            }
            // The workflow: older claims went through expertise and repair and are closed.
            let mut statuses = Vec::new();
            let age = (self.today - declared).num_days();
            let steps: &[(&str, i64)] = if kind == "accident" || kind == "fire" || kind == "theft" {
                &[
                    ("en_expertise", 10),
                    ("en_reparation", 35),
                    ("indemnise", 70),
                    ("clos", 100),
                ]
            } else {
                &[("indemnise", 20), ("clos", 40)]
            };
            for (status, after) in steps {
                if age > *after + self.rng.below(20) as i64 {
                    statuses.push((status.to_string(), declared + Duration::days(*after)));
                }
            }
            claims.push(BatchClaim {
                claim: NewClaim {
                    contract_id: 0,
                    occurred_on: occurred,
                    declared_on: Some(declared),
                    kind: kind.into(),
                    responsibility: resp.into(),
                    place: Some(
                        self.rng
                            .pick(&TOWNS.iter().map(|t| t.0).collect::<Vec<_>>())
                            .to_string(),
                    ),
                    description: Some(
                        match kind {
                            "accident" => "Collision avec un autre véhicule",
                            "glass" => "Pare-brise fissuré par un gravillon",
                            "theft" => "Vol du véhicule sur la voie publique",
                            "parked_unidentified" => {
                                "Véhicule heurté en stationnement, tiers non identifié"
                            }
                            "natural_disaster" => "Inondation (arrêté de catastrophe naturelle)",
                            _ => "Incendie du véhicule",
                        }
                        .into(),
                    ),
                    insurer_reference: Some(format!(
                        "SIN-{}-{:05}",
                        occurred.year(),
                        self.rng.below(99_999)
                    )),
                    estimated_cents: Some(premium(&mut self.rng, 150, 6_000)),
                    // Linked to the vehicle of that day and the principal driver on insertion.
                    vehicle_id: None,
                    driver_id: None,
                },
                requalifications,
                statuses,
            });
        }
        Some(BatchContract {
            client_index,
            contract: NewContract {
                client_id: 0,
                insurer_id,
                number: format!("AUTO-{}-{:07}", subscription.year(), self.serial),
                product: "auto".into(),
                subscription_date: subscription,
                first_echeance,
                usage: if self.rng.chance(5) {
                    "tournees"
                } else {
                    "standard"
                }
                .into(),
                // A121-2: a fleet beyond three vehicles may be under another clause.
                clause_applies: nth < 3,
                start_coefficient: start,
                start_periods_at_floor: if start == 50 { 3 } else { 0 },
                start_claim_free_streak: 0,
                status: "en_cours".into(),
                premiums,
            },
            vehicles: self.vehicles(subscription),
            drivers: self.drivers(client, subscription),
            claims,
        })
    }

    /// Eight random digits and the Luhn check digit.
    fn siren(&mut self) -> String {
        let body = format!("{}{}", 1 + self.rng.below(9), self.rng.digits(7));
        for check in 0..10 {
            let candidate = format!("{body}{check}");
            if courtier_domain::client::siren(&candidate).is_ok() {
                return candidate;
            }
        }
        // Unreachable: one of the ten check digits always satisfies Luhn.
        format!("{body}0")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use courtier_domain::client::{validate, ClientDraft};

    #[test]
    fn demo_clients_pass_the_same_validation_as_the_form() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut g = Generator::new(7, today);
        let (clients, households) = g.batch(3_000);
        assert_eq!(clients.len(), 3_000);
        assert!(households.len() > 100, "{}", households.len());
        for c in &clients {
            let again = validate(&ClientDraft::from(c), today).unwrap();
            assert_eq!(&again, c);
        }
        for h in &households {
            let names: Vec<_> = h.iter().map(|&i| clients[i].last_name.clone()).collect();
            assert!(names.windows(2).all(|w| w[0] == w[1]));
        }
    }

    #[test]
    fn deterministic_for_a_seed() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let a = Generator::new(42, today).batch(50);
        let b = Generator::new(42, today).batch(50);
        assert_eq!(a, b);
    }
}
