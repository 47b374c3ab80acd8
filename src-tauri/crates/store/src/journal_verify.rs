//! Walking the journal: every manifest recomputed from the rows, every link from the key, the
//! head compared with the copies kept outside the file. Reports, never repairs.

use super::{hex, label, link_of, manifest, scan, ChainKey, Entry, CHAINED, ROWS_KEPT};
use crate::prelude::*;
use std::collections::BTreeMap;

/// One row of `journal`, as read.
struct Link {
    act: i64,
    manifest: String,
    link: Vec<u8>,
}

/// Walks the journal of `conn`; see [`courtier_port::AgencyFile::verify_journal`].
pub(crate) fn verify(
    conn: &Connection,
    key: &ChainKey,
    anchor: Option<&JournalHead>,
    against: Option<&str>,
) -> Result<JournalCheck, DbError> {
    let mut s = scan(conn)?;
    let mut problems = std::mem::take(&mut s.orphans);
    let acts: BTreeMap<i64, String> = crate::sql::query_vec(
        conn,
        "SELECT id, recorded_at FROM acts ORDER BY id",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?
    .into_iter()
    .collect();
    let links = crate::sql::query_vec(
        conn,
        "SELECT act_id, manifest, link FROM journal ORDER BY act_id",
        [],
        |r| {
            Ok(Link {
                act: r.get(0)?,
                manifest: r.get(1)?,
                link: r.get(2)?,
            })
        },
    )?;
    let mut prev: Option<&[u8]> = None;
    let mut manifests = Vec::new();
    for l in &links {
        let at = match acts.get(&l.act) {
            Some(at) => at.as_str(),
            None => {
                problems.push(format!(
                    "journal : le maillon de l'acte n° {} ne correspond à aucun acte (acte supprimé)",
                    l.act
                ));
                ""
            }
        };
        if link_of(key, prev, l.act, at, &l.manifest) != l.link {
            problems.push(format!(
                "journal : le maillon de l'acte n° {} ne se vérifie pas (un acte ou un maillon précédent supprimé ou modifié, ou le journal recalculé sans la clé de l'agence)",
                l.act
            ));
        }
        prev = Some(&l.link);
        let current = manifest(s.accs.remove(&l.act).unwrap_or_default(), ROWS_KEPT);
        match serde_json::from_str::<Vec<Entry>>(&l.manifest) {
            Ok(stored) => {
                compare(l.act, at, &stored, &current, &mut problems);
                manifests.push((l.act, at.to_string(), stored));
            }
            Err(_) => problems.push(format!(
                "journal : le manifeste de l'acte n° {} est illisible",
                l.act
            )),
        }
    }
    super::state::verify(conn, &manifests, &mut problems)?;
    let sealed: std::collections::HashSet<i64> = links.iter().map(|l| l.act).collect();
    for (act, at) in acts.iter().filter(|(a, _)| !sealed.contains(a)) {
        let rows = s.accs.remove(act).unwrap_or_default();
        let named: Vec<String> = rows
            .iter()
            .flat_map(|(i, a)| a.rows.iter().map(|(k, _)| label(CHAINED[*i].table, k)))
            .collect();
        problems.push(format!(
            "journal : l'acte n° {act} du {at} n'a pas de maillon (écrit hors de Courtier){}",
            if named.is_empty() {
                String::new()
            } else {
                format!(" : {}", named.join(", "))
            }
        ));
    }
    let head = links.last().map(|l| JournalHead {
        act: l.act,
        link: hex(&l.link),
    });
    if let Some(a) = anchor {
        match links.iter().find(|l| l.act == a.act) {
            None if head.as_ref().is_some_and(|h| h.act < a.act) => problems.push(format!(
                "journal : des actes ont disparu de la fin du journal (l'ancre en attend jusqu'au n° {}, le dernier est le n° {})",
                a.act,
                head.as_ref().map_or(0, |h| h.act)
            )),
            Some(l) if hex(&l.link) == a.link => {}
            _ => problems.push(format!(
                "journal : il ne correspond plus à son ancre (l'acte n° {} n'a plus le maillon ancré : historique réécrit)",
                a.act
            )),
        }
    }
    let against = against.map(|printed| {
        let found = links.iter().position(|l| hex(&l.link).starts_with(printed));
        found.map(|i| HeadFound {
            act: links[i].act,
            recorded_at: acts.get(&links[i].act).cloned().unwrap_or_default(),
            acts_after: (links.len() - i - 1) as u64,
        })
    });
    if let Some(None) = &against {
        problems.push(
            "journal : l'empreinte donnée n'apparaît pas dans le journal : l'historique a été réécrit depuis qu'elle a été imprimée (ou elle vient d'un autre fichier d'agence)"
                .into(),
        );
    }
    Ok(JournalCheck {
        acts: acts.len() as u64,
        facts: s.facts,
        problems,
        head,
        against,
    })
}

/// What differs between the manifest an act was sealed with and the one its rows give now, row
/// by row where the act listed them.
fn compare(act: i64, at: &str, stored: &[Entry], current: &[Entry], out: &mut Vec<String>) {
    let when = format!("acte n° {act} du {at}");
    for c in CHAINED {
        let s = stored.iter().find(|e| e.t == c.table);
        let n = current.iter().find(|e| e.t == c.table);
        let (sn, sd) = s.map_or((0, ""), |e| (e.n, e.d.as_str()));
        let (nn, nd) = n.map_or((0, ""), |e| (e.n, e.d.as_str()));
        if sn == nn && sd == nd {
            continue;
        }
        let listed = |e: Option<&Entry>| -> Option<BTreeMap<String, String>> {
            match e {
                None => Some(BTreeMap::new()),
                Some(e) if e.r.len() == e.n => Some(e.r.iter().cloned().collect()),
                Some(_) => None,
            }
        };
        match (listed(s), listed(n)) {
            (Some(before), Some(now)) => {
                for (k, d) in &before {
                    match now.get(k) {
                        None => out.push(format!(
                            "journal : {} a été supprimée ({when})",
                            label(c.table, k)
                        )),
                        Some(d2) if d2 != d => out.push(format!(
                            "journal : {} a été modifiée après son enregistrement ({when})",
                            label(c.table, k)
                        )),
                        Some(_) => {}
                    }
                }
                for k in now.keys().filter(|k| !before.contains_key(*k)) {
                    out.push(format!(
                        "journal : {} a été ajoutée à l'{when} après son scellement",
                        label(c.table, k)
                    ));
                }
            }
            _ => out.push(format!(
                "journal : {} : l'{when} y avait écrit {sn} ligne(s), il y en a {nn}, leur contenu a changé",
                c.table
            )),
        }
    }
}
