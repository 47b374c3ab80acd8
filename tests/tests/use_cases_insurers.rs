//! Use cases of the managed list of insurers on a temp agency.
#![allow(clippy::unwrap_used)]

use courtier_app::InsurerDraft;
use courtier_journeys::TempAgency;

fn named(name: &str) -> InsurerDraft {
    InsurerDraft {
        name: Some(name.into()),
        ..Default::default()
    }
}

#[test]
fn renaming_an_insurer_renames_it_on_its_contracts_and_keeps_the_old_name() {
    let a = TempAgency::new();
    let k = a.contract(a.client().id()).create();
    let ins = a
        .insurer_list()
        .unwrap()
        .into_iter()
        .find(|i| i.name == "Mutuelle de l'Ouest")
        .unwrap();
    let r = a
        .insurer_update(
            ins.id,
            &InsurerDraft {
                name: Some("Mutuelle de l'Ouest Atlantique".into()),
                reason: Some("Fusion".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(r.name, "Mutuelle de l'Ouest Atlantique");
    assert_eq!(r.revisions.len(), 1);
    assert_eq!(r.revisions[0].previous["name"], "Mutuelle de l'Ouest");
    assert_eq!(
        a.contract_get(k.id).unwrap().insurer,
        "Mutuelle de l'Ouest Atlantique"
    );
}

#[test]
fn contracts_with_the_same_insurer_in_any_case_count_for_one_insurer() {
    let a = TempAgency::new();
    let c = a.client().id();
    a.contract(c).create();
    a.contract(c).insurer("MUTUELLE DE L'OUEST").create();
    let list = a.insurer_list().unwrap();
    let ins: Vec<_> = list
        .iter()
        .filter(|i| i.name.to_lowercase() == "mutuelle de l'ouest")
        .collect();
    assert_eq!(ins.len(), 1, "{list:?}");
    assert_eq!(ins[0].contracts, 2);
}

#[test]
fn an_insurer_needs_a_name_and_valid_details() {
    let a = TempAgency::new();
    assert_eq!(
        a.insurer_create(&named("  ")).unwrap_err().code,
        "invalid:name"
    );
    let bad = InsurerDraft {
        releve_email: Some("releves@".into()),
        ..named("Alliance Auto")
    };
    assert_eq!(
        a.insurer_create(&bad).unwrap_err().code,
        "invalid:releveEmail"
    );
    let bad = InsurerDraft {
        postcode: Some("4400".into()),
        ..named("Alliance Auto")
    };
    assert_eq!(a.insurer_create(&bad).unwrap_err().code, "invalid:postcode");
    assert!(a
        .insurer_list()
        .unwrap()
        .iter()
        .all(|i| i.name != "Alliance Auto"));
    assert_eq!(a.insurer_get(424_242).unwrap_err().code, "not_found");
}

#[test]
fn an_empty_text_clears_a_detail_and_the_rest_is_kept() {
    let a = TempAgency::new();
    let ins = a
        .insurer_create(&InsurerDraft {
            city: Some("Nantes".into()),
            phone: Some("02 40 00 00 00".into()),
            ..named("Alliance Auto")
        })
        .unwrap();
    assert_eq!(ins.phone.as_deref(), Some("0240000000"));
    assert_eq!(ins.contracts, 0);
    let r = a
        .insurer_update(
            ins.id,
            &InsurerDraft {
                phone: Some(String::new()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(r.phone, None);
    assert_eq!(r.city.as_deref(), Some("Nantes"));
    assert_eq!(r.name, "Alliance Auto");
}
