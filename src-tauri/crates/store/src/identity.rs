//! The agency's identity: append-only versions in `agency_identities`, the last in force.

use crate::prelude::*;
use crate::sql::act;
use courtier_domain::agency::{AgencyIdentity, LogoFormat};

fn identity_row(r: &Row<'_>) -> rusqlite::Result<AgencyIdentityRow> {
    let format: Option<String> = r.get(7)?;
    let logo: Option<Vec<u8>> = r.get(8)?;
    Ok(AgencyIdentityRow {
        identity: AgencyIdentity {
            name: r.get(0)?,
            address: r.get(1)?,
            orias: r.get(2)?,
            association: r.get(3)?,
            phone: r.get(4)?,
            email: r.get(5)?,
            footer: r.get(6)?,
            logo: format.as_deref().and_then(LogoFormat::from_code).zip(logo),
        },
        recorded_at: r.get(9)?,
    })
}

const SELECT: &str = "SELECT i.name, i.address, i.orias, i.association, i.phone, i.email, i.footer,
        i.logo_format, i.logo, a.recorded_at
     FROM agency_identities i JOIN acts a ON a.id = i.act_id";

impl Store {
    pub(crate) fn agency_identity(&self) -> Result<Option<AgencyIdentityRow>, DbError> {
        Ok(self
            .conn
            .query_row(
                &format!("{SELECT} ORDER BY i.id DESC LIMIT 1"),
                [],
                identity_row,
            )
            .optional()?)
    }

    pub(crate) fn agency_identity_history(&self) -> Result<Vec<AgencyIdentityRow>, DbError> {
        let mut st = self.conn.prepare(&format!("{SELECT} ORDER BY i.id"))?;
        let rows = st.query_map([], identity_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn set_agency_identity(
        &mut self,
        a: &AgencyIdentity,
        now: &str,
    ) -> Result<(), DbError> {
        let tx = self.write_tx()?;
        let act_id = act(&tx, now)?;
        tx.execute(
            "INSERT INTO agency_identities
                 (name, address, orias, association, phone, email, footer, logo_format, logo, act_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                a.name,
                a.address,
                a.orias,
                a.association,
                a.phone,
                a.email,
                a.footer,
                a.logo.as_ref().map(|(f, _)| f.code()),
                a.logo.as_ref().map(|(_, b)| b.as_slice()),
                act_id
            ],
        )
        .map_err(|e| crate::sql::constraint(e, "identité de l'agence refusée par le fichier"))?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::{OpenMode, Store};
    use courtier_domain::agency::{AgencyIdentity, LogoFormat};
    use courtier_vault::DbKey;

    #[test]
    fn each_change_is_kept_and_the_last_is_in_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("agence.courtier");
        let mut s = Store::open(&path, &DbKey::generate(), OpenMode::Create).unwrap();
        assert_eq!(s.agency_identity().unwrap(), None);
        let mut a = AgencyIdentity {
            name: "Cabinet Durand".into(),
            orias: Some("12345678".into()),
            logo: Some((LogoFormat::Png, vec![1, 2, 3])),
            ..Default::default()
        };
        s.set_agency_identity(&a, "2026-12-02T10:00:00Z").unwrap();
        a.name = "Cabinet Durand & fils".into();
        a.logo = None;
        s.set_agency_identity(&a, "2026-12-02T11:00:00Z").unwrap();
        let now = s.agency_identity().unwrap().unwrap();
        assert_eq!(now.identity, a);
        let h = s.agency_identity_history().unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].identity.logo, Some((LogoFormat::Png, vec![1, 2, 3])));
        assert_eq!(h[0].recorded_at, "2026-12-02T10:00:00Z");
        // Append-only: the file refuses to rewrite an earlier version.
        assert!(s
            .conn
            .execute("UPDATE agency_identities SET name = 'x'", [])
            .is_err());
        assert!(s.verify_journal(None, None).unwrap().problems.is_empty());
    }
}
