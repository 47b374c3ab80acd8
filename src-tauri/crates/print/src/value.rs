//! The data handed to a template, written as Typst literals.

/// A value of the `d` dictionary a template reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Value>),
    /// Keys are identifiers (ASCII letters, digits, `_`, `-`), chosen by the code, never data.
    Dict(Vec<(&'static str, Value)>),
}

impl Value {
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(s.into())
    }
    pub fn opt(s: Option<impl Into<String>>) -> Value {
        s.map_or(Value::None, |s| Value::Str(s.into()))
    }

    /// The Typst literal: strings escaped (`\\`, `\"`, line breaks, every control character
    /// as `\u{…}`), so that no text of the data is ever read as code or markup.
    pub fn to_typst(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Value::None => out.push_str("none"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Int(n) => out.push_str(&n.to_string()),
            Value::Float(f) if f.is_finite() => out.push_str(&format!("{f:?}")),
            Value::Float(_) => out.push_str("none"),
            Value::Str(s) => {
                out.push('"');
                for c in s.chars() {
                    match c {
                        '\\' => out.push_str("\\\\"),
                        '"' => out.push_str("\\\""),
                        '\n' => out.push_str("\\n"),
                        '\t' => out.push_str("\\t"),
                        c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
                        c => out.push(c),
                    }
                }
                out.push('"');
            }
            Value::List(v) => {
                out.push('(');
                for x in v {
                    x.write(out);
                    out.push_str(", ");
                }
                out.push(')');
            }
            Value::Dict(kv) => {
                if kv.is_empty() {
                    out.push_str("(:)");
                    return;
                }
                out.push('(');
                for (k, v) in kv {
                    debug_assert!(k
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
                    out.push_str(k);
                    out.push_str(": ");
                    v.write(out);
                    out.push_str(", ");
                }
                out.push(')');
            }
        }
    }
}
