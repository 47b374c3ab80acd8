//! Loading a demo portfolio into the open agency file.

use super::{Generator, BATCH, INSURERS};
use crate::engine::coefficient_rows;
use crate::{AppError, Courtier, DemoLoaded};

impl Courtier {
    /// Loads a realistic demo portfolio of `clients` clients, committed in batches of
    /// [`BATCH`]: a crash loses at most the batch under way. `progress` is called after each
    /// committed batch with the number of clients saved so far.
    pub fn demo_load(
        &self,
        clients: u32,
        seed: u64,
        mut progress: impl FnMut(u64),
    ) -> Result<DemoLoaded, AppError> {
        if clients > 1_000_000 {
            return Err(AppError::field(
                "clients",
                "Un portefeuille de démonstration compte au plus 1 000 000 clients.",
            ));
        }
        let now = self.now();
        let today = self.config.clock.today();
        self.with_store(|s| {
            let mut done = 0u64;
            let mut gen = Generator::new(seed, today);
            // The demo's insurers with their details, unless the agency already has them.
            let known = s.insurers()?;
            let insurers = INSURERS
                .iter()
                .map(|(name, street, postcode, city, domain)| {
                    match known
                        .iter()
                        .find(|k| k.name.to_lowercase() == name.to_lowercase())
                    {
                        Some(k) => Ok(k.id),
                        None => s.insert_insurer(
                            &courtier_port::InsurerRow {
                                id: 0,
                                name: (*name).into(),
                                address_line1: Some((*street).into()),
                                postcode: Some((*postcode).into()),
                                city: Some((*city).into()),
                                email: Some(format!("contact@{domain}")),
                                phone: None,
                                releve_email: Some(format!("releves@{domain}")),
                                contracts: 0,
                            },
                            &now,
                        ),
                    }
                })
                .collect::<Result<Vec<_>, _>>()?;
            let mut remaining = clients;
            while remaining > 0 {
                let n = remaining.min(BATCH);
                let (batch, households) = gen.batch(n);
                let contracts = gen.contracts(&batch, &insurers);
                s.insert_batch(&batch, &households, &contracts, &now, &|f| {
                    coefficient_rows(f, today)
                })?;
                done += u64::from(n);
                remaining -= n;
                progress(done);
            }
            Ok(DemoLoaded {
                clients: s.count_clients(true)?,
                households: s.count_households()?,
                contracts: s.count_contracts()?,
                claims: s.count_claims()?,
            })
        })
    }
}
