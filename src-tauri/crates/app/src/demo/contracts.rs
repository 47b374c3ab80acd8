//! The demo's contracts: insurers, terms, premiums, and the claims of past years with their
//! requalifications and workflow.

use super::places::TOWNS;
use super::rng::Rng;
use super::Generator;
use super::{BatchClaim, BatchContract, NewClaim, NewContract, PremiumLineRow};
use chrono::{Datelike, Duration, Months, NaiveDate};
use courtier_domain::client::{Client, ClientKind, ClientStatus};
use courtier_domain::vocabulary::{
    ClaimKind, ClaimStatus, ContractStatus, Product, Responsibility, Usage,
};

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

impl Generator {
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
                0..=34 => (ClaimKind::Accident, Responsibility::Full),
                35..=49 => (ClaimKind::Accident, Responsibility::Partial),
                50..=69 => (ClaimKind::Accident, Responsibility::None),
                70..=84 => (ClaimKind::Glass, Responsibility::None),
                85..=89 => (ClaimKind::Theft, Responsibility::None),
                90..=94 => (ClaimKind::ParkedUnidentified, Responsibility::None),
                95..=97 => (ClaimKind::NaturalDisaster, Responsibility::None),
                _ => (ClaimKind::Fire, Responsibility::None),
            };
            let declared = (occurred + Duration::days(self.rng.below(10) as i64)).min(self.today);
            let mut requalifications = Vec::new();
            if kind == ClaimKind::Accident && resp != Responsibility::None && self.rng.chance(8) {
                let on = occurred + Duration::days(30 + self.rng.below(240) as i64);
                if on <= self.today {
                    let to = if resp == Responsibility::Full {
                        Responsibility::Partial
                    } else {
                        Responsibility::None
                    };
                    requalifications.push((to, on));
                }
            }
            // The workflow: older claims went through expertise and repair and are closed.
            let mut statuses = Vec::new();
            let age = (self.today - declared).num_days();
            let steps: &[(ClaimStatus, i64)] = if matches!(
                kind,
                ClaimKind::Accident | ClaimKind::Fire | ClaimKind::Theft
            ) {
                &[
                    (ClaimStatus::EnExpertise, 10),
                    (ClaimStatus::EnReparation, 35),
                    (ClaimStatus::Indemnise, 70),
                    (ClaimStatus::Clos, 100),
                ]
            } else {
                &[(ClaimStatus::Indemnise, 20), (ClaimStatus::Clos, 40)]
            };
            for (status, after) in steps {
                if age > *after + self.rng.below(20) as i64 {
                    statuses.push((*status, declared + Duration::days(*after)));
                }
            }
            claims.push(BatchClaim {
                claim: NewClaim {
                    contract_id: 0,
                    occurred_on: occurred,
                    declared_on: Some(declared),
                    kind,
                    responsibility: resp,
                    place: Some(
                        self.rng
                            .pick(&TOWNS.iter().map(|t| t.0).collect::<Vec<_>>())
                            .to_string(),
                    ),
                    description: Some(
                        match kind {
                            ClaimKind::Accident => "Collision avec un autre véhicule",
                            ClaimKind::Glass => "Pare-brise fissuré par un gravillon",
                            ClaimKind::Theft => "Vol du véhicule sur la voie publique",
                            ClaimKind::ParkedUnidentified => {
                                "Véhicule heurté en stationnement, tiers non identifié"
                            }
                            ClaimKind::NaturalDisaster => {
                                "Inondation (arrêté de catastrophe naturelle)"
                            }
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
                product: Product::Auto,
                subscription_date: subscription,
                first_echeance,
                usage: if self.rng.chance(5) {
                    Usage::Tournees
                } else {
                    Usage::Standard
                },
                // A121-2: a fleet beyond three vehicles may be under another clause.
                clause_applies: nth < 3,
                start_coefficient: start,
                start_periods_at_floor: if start == 50 { 3 } else { 0 },
                start_claim_free_streak: 0,
                status: ContractStatus::EnCours,
                premiums,
            },
            vehicles: self.vehicles(subscription),
            drivers: self.drivers(client, subscription),
            claims,
        })
    }
}
