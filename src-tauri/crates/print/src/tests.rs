use super::*;

const NASTY: &str =
    "O'Brien \"le \\ grand\" #set $x$ *gras* _it_ <lbl> @ref [crochets] // pas un commentaire";

pub(crate) fn agency() -> Value {
    Value::Dict(vec![
        ("name", Value::str("Cabinet Durand")),
        ("address", Value::str("12 rue de la Paix\n75002 Paris")),
        ("orias", Value::str("12345678")),
        ("association", Value::str("Planète CSCA")),
        ("phone", Value::str("01 23 45 67 89")),
        ("email", Value::str("contact@durand.fr")),
        ("footer", Value::str("SARL au capital de 10 000 €")),
        ("logo", Value::Bool(false)),
    ])
}

fn statement(name: &str) -> Value {
    Value::Dict(vec![
        ("title", Value::str("Attestation")),
        ("agency", agency()),
        ("journal", Value::str("711B A729 6DF6 23F1 FCDC")),
        ("generated", Value::str(french::long_date(2027, 1, 1))),
        (
            "client",
            Value::Dict(vec![("name", Value::str(name)), ("address", Value::None)]),
        ),
        (
            "contract",
            Value::Dict(vec![
                ("number", Value::str("A-1")),
                ("insurer", Value::str("MAAF")),
                ("product", Value::str("Automobile")),
                ("usage", Value::str("Promenade-trajet")),
                ("subscription", Value::str("01/03/2024")),
                ("echeance", Value::str("1er mars")),
            ]),
        ),
        ("date", Value::str("1er janvier 2027")),
        ("coefficient", Value::str(french::number("0.85"))),
        ("protection", Value::str("Protection")),
        ("two-year", Value::str("Deux ans")),
        (
            "history",
            Value::List(vec![Value::Dict(vec![
                ("echeance", Value::str("01/03/2025")),
                ("year", Value::str("2025")),
                ("period", Value::str("du 01/01/2024 au 31/12/2024")),
                ("coefficient", Value::str("0,95")),
                ("value", Value::Float(0.95)),
            ])]),
        ),
        ("note", Value::List(vec![Value::str("Ligne de note.")])),
    ])
}

#[test]
fn strings_are_escaped_literals() {
    assert_eq!(
        Value::str("a\"b\\c\nd\u{1b}").to_typst(),
        "\"a\\\"b\\\\c\\nd\\u{1b}\""
    );
    assert_eq!(Value::Dict(vec![]).to_typst(), "(:)");
    assert_eq!(Value::List(vec![Value::Int(1)]).to_typst(), "(1, )");
}

#[test]
fn french_formats() {
    assert_eq!(french::long_date(2027, 1, 1), "1er janvier 2027");
    assert_eq!(french::long_date(2026, 3, 15), "15 mars 2026");
    assert_eq!(french::short_date("2027-01-01"), "01/01/2027");
    assert_eq!(french::money("1234.56"), "1\u{202f}234,56\u{a0}€");
    assert_eq!(french::number("0.85"), "0,85");
    assert_eq!(french::number("-1234567.5"), "-1\u{202f}234\u{202f}567,5");
    assert_eq!(french::phone("0123456789"), "01 23 45 67 89");
    assert_eq!(french::phone("01.23.45.67.89"), "01 23 45 67 89");
    assert_eq!(french::phone(" 01-23-45-67-89 "), "01 23 45 67 89");
    assert_eq!(french::phone("+33123456789"), "+33 1 23 45 67 89");
    assert_eq!(french::phone("+44 20 7946 0958"), "+44 20 7946 0958");
    assert_eq!(
        french::phone("01 23 45 67 89 poste 12"),
        "01 23 45 67 89 poste 12"
    );
}

fn text_of(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().ok()?;
    let p = dir.path().join("x.pdf");
    std::fs::write(&p, pdf).ok()?;
    let out = std::process::Command::new("pdftotext")
        .arg(&p)
        .arg("-")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_name_full_of_typst_syntax_prints_as_typed_and_the_bytes_are_stable() {
    let e = Engine::new(None);
    let a = e
        .render(Template::Statement, &statement(NASTY), &[], (2027, 1, 1))
        .unwrap();
    let b = e
        .render(Template::Statement, &statement(NASTY), &[], (2027, 1, 1))
        .unwrap();
    assert!(a.starts_with(b"%PDF-"));
    assert_eq!(a, b, "the same data gives the same bytes");
    let t = text_of(&a).expect("pdftotext (poppler-utils) is installed");
    let flat = t.split_whitespace().collect::<Vec<_>>().join(" ");
    let want = NASTY.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&want), "{flat}");
    assert!(flat.contains("ORIAS sous le n° 12345678"), "{flat}");
    assert!(flat.contains("711B A729 6DF6 23F1 FCDC"), "{flat}");
}

#[test]
fn the_lines_of_an_address_stay_lines_on_the_paper() {
    let mut data = statement("Anne Martin");
    if let Value::Dict(kv) = &mut data {
        for (k, v) in kv.iter_mut() {
            if *k == "client" {
                *v = Value::Dict(vec![
                    ("name", Value::str("Anne Martin")),
                    (
                        "address",
                        Value::str("3 place du Marché\nBâtiment B\n74000 Annecy"),
                    ),
                ]);
            }
        }
    }
    let pdf = Engine::new(None)
        .render(Template::Statement, &data, &[], (2027, 1, 1))
        .unwrap();
    let t = text_of(&pdf).expect("pdftotext (poppler-utils) is installed");
    let lines: Vec<&str> = t.lines().map(str::trim).collect();
    for line in [
        "12 rue de la Paix",
        "75002 Paris",
        "3 place du Marché",
        "Bâtiment B",
        "74000 Annecy",
    ] {
        assert!(lines.contains(&line), "« {line} » on its own line:\n{t}");
    }
}

#[test]
fn an_agency_template_replaces_the_shipped_one_and_its_errors_are_french() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("statement.typ"),
        "Modèle agence : #d.client.name",
    )
    .unwrap();
    let e = Engine::new(Some(dir.path()));
    let pdf = e
        .render(Template::Statement, &statement("Anne"), &[], (2027, 1, 1))
        .unwrap();
    assert!(text_of(&pdf).unwrap().contains("Modèle agence : Anne"));
    std::fs::write(dir.path().join("statement.typ"), "#d.inconnu").unwrap();
    let err = e
        .render(Template::Statement, &statement("Anne"), &[], (2027, 1, 1))
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Le modèle « statement.typ » contient une erreur"),
        "{err}"
    );
}

/// Poppler 22.12 reports the `/MarkInfo << /Suspects false >>` of a tagged PDF as « Suspects
/// object is wrong type (boolean) » (it only accepts `true`): the PDF is right. Anything else
/// `pdfinfo` or `pdftoppm` report would be ours.
#[test]
fn poppler_only_reports_its_suspects_quirk() {
    let pdf = Engine::new(None)
        .render(
            Template::Statement,
            &statement("Anne Martin"),
            &[],
            (2027, 1, 1),
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.pdf");
    std::fs::write(&p, &pdf).unwrap();
    let info = std::process::Command::new("pdfinfo")
        .arg(&p)
        .output()
        .expect("pdfinfo (poppler-utils) is installed");
    let page = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "20", "-f", "1", "-l", "1"])
        .arg(&p)
        .arg(dir.path().join("page"))
        .output()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(info.status.success() && page.status.success());
    assert!(String::from_utf8_lossy(&info.stdout).contains("Tagged:          yes"));
    let stderr = [info.stderr, page.stderr]
        .map(|e| String::from_utf8_lossy(&e).into_owned())
        .join("\n");
    for line in stderr.lines().filter(|l| !l.trim().is_empty()) {
        assert_eq!(
            line, "Syntax Error: Suspects object is wrong type (boolean)",
            "{stderr}"
        );
    }
}
