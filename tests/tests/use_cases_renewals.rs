//! Use cases of renewals: the avis d'échéance sent (loi Chatel, art. L113-15-1) and the renewal
//! settings, on a temp agency.
#![allow(clippy::unwrap_used)]

use courtier_app::renewals::RenewalSettings;
use courtier_journeys::TempAgency;

#[test]
fn an_avis_sent_is_kept_with_the_chatel_outcome_of_its_sending_date() {
    let a = TempAgency::on("2027-01-15");
    let c = a.client().id();
    // Échéance 01/03/2027, termination deadline 01/01/2027, window 01/10/2026 – 17/12/2026.
    let k = a.contract(c).dates("2025-03-01", "2026-03-01").create().id;
    let on_time = a.avis_sent(k, "01/03/2027", "17/12/2026", &None).unwrap();
    assert_eq!(on_time.channel, "courrier");
    let text = on_time.chatel.unwrap();
    assert!(text.contains("jusqu'au 01/01/2027"), "{text}");
    let list = a.avis_of_contract(k).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].echeance, "2027-03-01");

    let k2 = a.contract(c).dates("2025-03-01", "2026-03-01").create().id;
    let late = a
        .avis_sent(k2, "2027-03-01", "2026-12-18", &Some("email".into()))
        .unwrap();
    let text = late.chatel.unwrap();
    assert!(text.contains("jusqu'au 07/01/2027"), "{text}");
}

#[test]
fn an_avis_for_a_day_that_is_no_echeance_or_in_the_future_is_refused_in_french() {
    let a = TempAgency::on("2027-01-15");
    let c = a.client().id();
    let k = a.contract(c).dates("2025-03-01", "2026-03-01").create().id;
    let e = a
        .avis_sent(k, "2027-03-02", "2026-12-01", &None)
        .unwrap_err();
    assert_eq!(e.code.to_string(), "invalid:echeance");
    assert!(
        e.message.contains("n'est pas une échéance"),
        "{}",
        e.message
    );
    let e = a
        .avis_sent(k, "2027-03-01", "2027-01-16", &None)
        .unwrap_err();
    assert_eq!(e.code.to_string(), "invalid:on");
    let e = a
        .avis_sent(k, "2027-03-01", "2026-12-01", &Some("fax".into()))
        .unwrap_err();
    assert_eq!(e.code.to_string(), "invalid:channel");
    assert!(a.avis_of_contract(k).unwrap().is_empty());
}

#[test]
fn a_company_contract_has_no_chatel_outcome() {
    let a = TempAgency::on("2027-01-15");
    let c = a.client().company("Transports Martin SARL").id();
    let k = a.contract(c).dates("2025-03-01", "2026-03-01").create().id;
    assert_eq!(
        a.avis_sent(k, "2027-03-01", "2026-12-01", &None)
            .unwrap()
            .chatel,
        None
    );
}

#[test]
fn renewal_settings_default_then_recorded_and_checked() {
    let a = TempAgency::new();
    let s = a.renewal_settings().unwrap();
    assert_eq!(
        s,
        RenewalSettings {
            claim_silence_days: 30,
            advice_review_months: 12,
            ics_client_names: false
        }
    );
    let new = RenewalSettings {
        claim_silence_days: 45,
        advice_review_months: 6,
        ics_client_names: true,
    };
    a.set_renewal_settings(new).unwrap();
    assert_eq!(a.renewal_settings().unwrap(), new);
    let e = a
        .set_renewal_settings(RenewalSettings {
            claim_silence_days: 0,
            ..new
        })
        .unwrap_err();
    assert_eq!(e.code.to_string(), "invalid:claimSilenceDays");
    assert_eq!(a.renewal_settings().unwrap(), new);
}
