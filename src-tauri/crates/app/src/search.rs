//! The search box (clients, and contracts, vehicles, claims and insurers by what identifies
//! them) and the Sinistres section (every claim, open or closed, filtered and paged).

use crate::claims::open_claim_dtos;
use crate::dto::{ClaimListPage, ClaimListQuery, ClientSummary, SearchHit, SearchResults};
use crate::input::{field, iso, opt_date_field, trimmed};
use crate::{AppError, Courtier};
use courtier_domain::vocabulary::{ClaimStatus, Responsibility};
use courtier_port::{ClaimQuery, ClientStore, IdentifierHit, SearchStore};

/// Hits of each kind other than clients the search box lists at most.
pub const HITS_PER_KIND: u32 = 10;

fn hit_dto(h: IdentifierHit) -> SearchHit {
    SearchHit {
        kind: h.kind.as_str().into(),
        id: h.id,
        text: h.text,
        contract_id: h.contract_id,
        contract_number: h.contract_number,
        client_id: h.client_id,
        client_name: h.client_name,
        insurer: h.insurer,
        detail: h.detail,
        on_date: h.on_date.map(iso),
    }
}

pub(crate) fn search<S: ClientStore + SearchStore + ?Sized>(
    s: &S,
    text: &str,
    limit: Option<u32>,
    include_archived: bool,
) -> Result<SearchResults, AppError> {
    let limit = limit.unwrap_or(50).clamp(1, 500);
    // One more than shown tells whether there are more, without counting them.
    let mut clients: Vec<ClientSummary> = s
        .search_clients(text, limit + 1, include_archived)?
        .into_iter()
        .map(ClientSummary::from)
        .collect();
    let more_clients = clients.len() > limit as usize;
    clients.truncate(limit as usize);
    let mut found = s.search_identifiers(text, HITS_PER_KIND + 1)?;
    found.sort_by_key(|h| h.kind);
    let mut hits = Vec::new();
    let mut more_hits = false;
    for h in found {
        let same = hits
            .iter()
            .filter(|x: &&SearchHit| x.kind == h.kind.as_str())
            .count();
        if same < HITS_PER_KIND as usize {
            hits.push(hit_dto(h));
        } else {
            more_hits = true;
        }
    }
    Ok(SearchResults {
        clients,
        more_clients,
        hits,
        more_hits,
    })
}

/// The store's query from what the Sinistres section sent, each unreadable filter a field
/// error in French.
pub(crate) fn claim_query(q: &ClaimListQuery) -> Result<ClaimQuery, AppError> {
    let open = match q.state.as_deref().map(str::trim) {
        None | Some("") | Some("all") => None,
        Some("open") => Some(true),
        Some("closed") => Some(false),
        Some(x) => {
            return Err(field(
                "state",
                format!("Choix inconnu « {x} » (open, closed, all)."),
            ))
        }
    };
    let status = match trimmed(&q.status) {
        None => None,
        Some(x) => Some(ClaimStatus::parse(&x).map_err(|_| {
            field(
                "status",
                format!("État inconnu « {x} » ({}).", ClaimStatus::CODES.join(", ")),
            )
        })?),
    };
    let responsibility = match trimmed(&q.responsibility) {
        None => None,
        Some(x) => Some(Responsibility::parse(&x).ok_or_else(|| {
            field(
                "responsibility",
                format!("Responsabilité inconnue « {x} » (full, partial, none)."),
            )
        })?),
    };
    let from = opt_date_field(&q.from, "from", "Du")?;
    let to = opt_date_field(&q.to, "to", "Au")?;
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(field("to", "La fin de la période précède son début."));
        }
    }
    Ok(ClaimQuery {
        open,
        status,
        insurer_id: q.insurer_id,
        responsibility,
        from,
        to,
        text: trimmed(&q.text),
        oldest_first: q.oldest_first,
        page: q.page.unwrap_or(1).max(1),
        page_size: q.page_size.unwrap_or(50).clamp(1, 500),
    })
}

impl Courtier {
    /// The search box: clients by name, e-mail, phone, postcode or city (every word a prefix,
    /// accents and case ignored), and contracts by number, vehicles by registration, claims by
    /// reference (a prefix, case, spaces and dashes ignored) and insurers by name.
    pub fn search(
        &self,
        text: &str,
        limit: Option<u32>,
        include_archived: bool,
    ) -> Result<SearchResults, AppError> {
        self.with_reader(|s| search(s, text, limit, include_archived))
    }

    /// A page of the portfolio's claims, open and closed, newest first unless asked, filtered
    /// by state or status, insurer, responsibility, period, and a reference or client's name.
    pub fn claims_list(&self, q: &ClaimListQuery) -> Result<ClaimListPage, AppError> {
        let query = claim_query(q)?;
        let today = self.today();
        self.with_reader(|s| {
            let page = s.list_claims(&query)?;
            Ok(ClaimListPage {
                items: open_claim_dtos(page.items, today),
                more: page.more,
                page: query.page,
                page_size: query.page_size,
            })
        })
    }
}
