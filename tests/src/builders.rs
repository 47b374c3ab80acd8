//! Builders for the records tests need, with sensible defaults and chained setters. Each ends
//! with `create()`/`record()` (panics on refusal, for setup) or `try_…()` (the `Result`, for the
//! test of a refusal).

use courtier_app::{
    AppError, ClaimDraft, ClientRecord, ContractDraft, ContractRecord, Courtier, DriverDraft,
    DriverDto, PremiumDraft, VehicleDraft, VehicleDto,
};
use courtier_domain::client::{AddressDraft, ClientDraft, EmailDraft, PhoneDraft};

/// A complete person record: Mme Hélène Lefèvre, born 12/03/1984, with an address in Lyon, a
/// mobile phone and an email.
pub fn helene() -> ClientDraft {
    ClientDraft {
        kind: "person".into(),
        civility: Some("Mme".into()),
        last_name: Some("Lefèvre".into()),
        first_name: Some("Hélène".into()),
        birth_date: Some("12/03/1984".into()),
        addresses: vec![AddressDraft {
            kind: "principale".into(),
            line1: "12 rue des Écoles".into(),
            postcode: "69003".into(),
            city: "Lyon".into(),
            ..Default::default()
        }],
        phones: vec![PhoneDraft {
            kind: "mobile".into(),
            number: "+33 6 12 34 56 78".into(),
        }],
        emails: vec![EmailDraft {
            kind: "personnel".into(),
            address: "helene.lefevre@exemple.fr".into(),
        }],
        status: "client".into(),
        ..Default::default()
    }
}

/// A client: Léa Bénard, a person, status client, unless told otherwise.
pub struct ClientBuilder<'a> {
    app: &'a Courtier,
    draft: ClientDraft,
}

impl<'a> ClientBuilder<'a> {
    pub fn new(app: &'a Courtier) -> Self {
        ClientBuilder {
            app,
            draft: ClientDraft {
                kind: "person".into(),
                last_name: Some("Bénard".into()),
                first_name: Some("Léa".into()),
                status: "client".into(),
                ..Default::default()
            },
        }
    }
    /// Starts from a whole draft (e.g. [`helene`]).
    pub fn from(mut self, draft: ClientDraft) -> Self {
        self.draft = draft;
        self
    }
    pub fn name(mut self, first: &str, last: &str) -> Self {
        self.draft.first_name = Some(first.into());
        self.draft.last_name = Some(last.into());
        self
    }
    /// A company instead of a person.
    pub fn company(mut self, name: &str) -> Self {
        self.draft.kind = "company".into();
        self.draft.company_name = Some(name.into());
        self.draft.first_name = None;
        self.draft.last_name = None;
        self
    }
    pub fn birth_date(mut self, date: &str) -> Self {
        self.draft.birth_date = Some(date.into());
        self
    }
    /// `prospect`, `client` or `former`.
    pub fn status(mut self, status: &str) -> Self {
        self.draft.status = status.into();
        self
    }
    pub fn draft(&self) -> ClientDraft {
        self.draft.clone()
    }
    pub fn try_create(self) -> Result<ClientRecord, AppError> {
        self.app.client_create(&self.draft)
    }
    pub fn create(self) -> ClientRecord {
        self.app.client_create(&self.draft).unwrap()
    }
    pub fn id(self) -> i64 {
        self.create().id
    }
}

/// A contract: at the Mutuelle de l'Ouest, subscribed 1 March 2021, first échéance 1 January
/// 2022, standard usage from 1.00, premiums RC 300,00 and Dommages tous accidents 200,00
/// (modulated) and Assistance 45,50 (not modulated).
pub struct ContractBuilder<'a> {
    app: &'a Courtier,
    draft: ContractDraft,
}

impl<'a> ContractBuilder<'a> {
    pub fn new(app: &'a Courtier, client_id: i64) -> Self {
        ContractBuilder {
            app,
            draft: ContractDraft {
                client_id,
                insurer: "Mutuelle de l'Ouest".into(),
                number: "AUTO-2021-0042".into(),
                subscription_date: "2021-03-01".into(),
                first_echeance: "2022-01-01".into(),
                premiums: vec![
                    premium("Responsabilité civile", "300,00", true),
                    premium("Dommages tous accidents", "200.00", true),
                    premium("Assistance", "45,50", false),
                ],
                ..Default::default()
            },
        }
    }
    pub fn insurer(mut self, name: &str) -> Self {
        self.draft.insurer = name.into();
        self
    }
    pub fn number(mut self, number: &str) -> Self {
        self.draft.number = number.into();
        self
    }
    /// Subscription date and first échéance.
    pub fn dates(mut self, subscription: &str, first_echeance: &str) -> Self {
        self.draft.subscription_date = subscription.into();
        self.draft.first_echeance = first_echeance.into();
        self
    }
    /// `standard` or `tournees`.
    pub fn usage(mut self, usage: &str) -> Self {
        self.draft.usage = Some(usage.into());
        self
    }
    pub fn start_coefficient(mut self, c: &str) -> Self {
        self.draft.start_coefficient = Some(c.into());
        self
    }
    pub fn clause_applies(mut self, applies: bool) -> Self {
        self.draft.clause_applies = Some(applies);
        self
    }
    /// `en_cours` or `devis`.
    pub fn status(mut self, status: &str) -> Self {
        self.draft.status = Some(status.into());
        self
    }
    /// No premium line at all.
    pub fn no_premiums(mut self) -> Self {
        self.draft.premiums.clear();
        self
    }
    /// Another premium line (`modulated`: multiplied by the coefficient).
    pub fn premium(mut self, guarantee: &str, amount: &str, modulated: bool) -> Self {
        self.draft
            .premiums
            .push(premium(guarantee, amount, modulated));
        self
    }
    pub fn draft(&self) -> ContractDraft {
        self.draft.clone()
    }
    pub fn try_create(self) -> Result<ContractRecord, AppError> {
        self.app.contract_create(&self.draft)
    }
    pub fn create(self) -> ContractRecord {
        self.app.contract_create(&self.draft).unwrap()
    }
}

pub fn premium(guarantee: &str, amount: &str, modulated: bool) -> PremiumDraft {
    PremiumDraft {
        guarantee: guarantee.into(),
        amount: amount.into(),
        modulated,
    }
}

/// A claim: a fully responsible accident on 2 May 2026.
pub struct ClaimBuilder<'a> {
    app: &'a Courtier,
    draft: ClaimDraft,
}

impl<'a> ClaimBuilder<'a> {
    pub fn new(app: &'a Courtier, contract_id: i64) -> Self {
        ClaimBuilder {
            app,
            draft: ClaimDraft {
                contract_id,
                occurred_on: "2026-05-02".into(),
                kind: "accident".into(),
                responsibility: "full".into(),
                ..Default::default()
            },
        }
    }
    /// The date of occurrence.
    pub fn on(mut self, date: &str) -> Self {
        self.draft.occurred_on = date.into();
        self
    }
    /// `accident`, `theft`, `fire`, `glass`, `parked_unidentified`, `force_majeure`, …
    pub fn kind(mut self, kind: &str) -> Self {
        self.draft.kind = kind.into();
        self
    }
    /// `full`, `partial` or `none`.
    pub fn responsibility(mut self, r: &str) -> Self {
        self.draft.responsibility = r.into();
        self
    }
    pub fn full(self) -> Self {
        self.responsibility("full")
    }
    pub fn partial(self) -> Self {
        self.responsibility("partial")
    }
    pub fn not_responsible(self) -> Self {
        self.responsibility("none")
    }
    pub fn description(mut self, text: &str) -> Self {
        self.draft.description = Some(text.into());
        self
    }
    pub fn place(mut self, place: &str) -> Self {
        self.draft.place = Some(place.into());
        self
    }
    pub fn estimated(mut self, amount: &str) -> Self {
        self.draft.estimated = Some(amount.into());
        self
    }
    /// The insurer's reference of the claim.
    pub fn reference(mut self, r: &str) -> Self {
        self.draft.insurer_reference = Some(r.into());
        self
    }
    pub fn vehicle(mut self, id: i64) -> Self {
        self.draft.vehicle_id = Some(id);
        self
    }
    pub fn driver(mut self, id: i64) -> Self {
        self.draft.driver_id = Some(id);
        self
    }
    pub fn draft(&self) -> ClaimDraft {
        self.draft.clone()
    }
    /// The contract as recomputed after the claim.
    pub fn try_record(self) -> Result<ContractRecord, AppError> {
        self.app.claim_create(&self.draft)
    }
    pub fn record(self) -> ContractRecord {
        self.app.claim_create(&self.draft).unwrap()
    }
    /// Records the claim and gives its id.
    pub fn id(self) -> i64 {
        self.record().claims.iter().map(|c| c.id).max().unwrap()
    }
}

/// A vehicle: AB-123-CD on the contract from 1 March 2021, driven by its usual drivers.
pub struct VehicleBuilder<'a> {
    app: &'a Courtier,
    draft: VehicleDraft,
}

impl<'a> VehicleBuilder<'a> {
    pub fn new(app: &'a Courtier, contract_id: i64) -> Self {
        VehicleBuilder {
            app,
            draft: VehicleDraft {
                contract_id,
                registration: "AB-123-CD".into(),
                from_date: "2021-03-01".into(),
                ..Default::default()
            },
        }
    }
    pub fn registration(mut self, r: &str) -> Self {
        self.draft.registration = r.into();
        self
    }
    pub fn from(mut self, date: &str) -> Self {
        self.draft.from_date = date.into();
        self
    }
    pub fn make_model(mut self, make: &str, model: &str) -> Self {
        self.draft.make = Some(make.into());
        self.draft.model = Some(model.into());
        self
    }
    /// Driven by other usual drivers than the contract's (R16).
    pub fn other_drivers(mut self) -> Self {
        self.draft.other_drivers = true;
        self
    }
    pub fn draft(&self) -> VehicleDraft {
        self.draft.clone()
    }
    pub fn try_add(self) -> Result<VehicleDto, AppError> {
        self.app.vehicle_add(&self.draft)
    }
    pub fn add(self) -> VehicleDto {
        self.app.vehicle_add(&self.draft).unwrap()
    }
}

/// A driver: Bénard, secondary driver from 1 March 2021, licence date unknown.
pub struct DriverBuilder<'a> {
    app: &'a Courtier,
    draft: DriverDraft,
}

impl<'a> DriverBuilder<'a> {
    pub fn new(app: &'a Courtier, contract_id: i64) -> Self {
        DriverBuilder {
            app,
            draft: DriverDraft {
                contract_id,
                role: "secondaire".into(),
                last_name: "Bénard".into(),
                from_date: "2021-03-01".into(),
                ..Default::default()
            },
        }
    }
    pub fn name(mut self, first: &str, last: &str) -> Self {
        self.draft.first_name = Some(first.into());
        self.draft.last_name = last.into();
        self
    }
    /// `principal` or `secondaire`.
    pub fn role(mut self, role: &str) -> Self {
        self.draft.role = role.into();
        self
    }
    pub fn birth_date(mut self, date: &str) -> Self {
        self.draft.birth_date = Some(date.into());
        self
    }
    pub fn licensed(mut self, date: &str) -> Self {
        self.draft.licence_date = Some(date.into());
        self
    }
    /// Learnt through apprentissage anticipé de la conduite.
    pub fn aac(mut self) -> Self {
        self.draft.aac = true;
        self
    }
    pub fn from(mut self, date: &str) -> Self {
        self.draft.from_date = date.into();
        self
    }
    pub fn draft(&self) -> DriverDraft {
        self.draft.clone()
    }
    pub fn try_add(self) -> Result<DriverDto, AppError> {
        self.app.driver_add(&self.draft)
    }
    pub fn add(self) -> DriverDto {
        self.app.driver_add(&self.draft).unwrap()
    }
}
