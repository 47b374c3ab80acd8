//! The database key and the recovery key: 32 random bytes each, zeroed on drop, never printed.

use crate::VaultError;
use rand::RngCore;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// The raw 256-bit SQLCipher key of an agency file. `Debug` is redacted; there is no `Display`
/// and no `Serialize`: the key reaches nothing but SQLCipher and the keychain.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct DbKey([u8; 32]);

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(<masqué>)")
    }
}

impl DbKey {
    /// A new random key from the operating system's generator.
    pub fn generate() -> Self {
        let mut k = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut k);
        DbKey(k)
    }

    /// Parses 64 hexadecimal characters.
    pub fn from_hex(s: &str) -> Result<Self, VaultError> {
        let bytes = Zeroizing::new(hex_decode(s.trim()).ok_or(VaultError::InvalidEnvKey)?);
        let arr: [u8; 32] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| VaultError::InvalidEnvKey)?;
        Ok(DbKey(arr))
    }

    pub(crate) fn from_bytes(b: [u8; 32]) -> Self {
        DbKey(b)
    }

    pub(crate) fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key in hex, for the explicit "export the raw key" administrator feature.
    pub fn to_hex(&self) -> Zeroizing<String> {
        Zeroizing::new(hex_encode(&self.0))
    }

    /// A 256-bit key for one purpose, derived from this one (HMAC-SHA-256 of `purpose` under the
    /// database key): the journal's links are keyed with it, so that no one without the agency
    /// key can recompute them, and the database key itself never leaves the vault and SQLCipher.
    pub fn derive(&self, purpose: &str) -> Zeroizing<[u8; 32]> {
        use hmac::{Hmac, Mac};
        let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        mac.update(purpose.as_bytes());
        Zeroizing::new(mac.finalize().into_bytes().into())
    }

    /// The value for `PRAGMA key = "…"`: `x'<64 hex>'`, a raw key (no key derivation).
    pub fn sqlcipher_pragma_value(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("x'{}'", hex_encode(&self.0)))
    }
}

/// The recovery key: 32 random bytes shown once to the broker, in Crockford base32 with a
/// checksum, in groups of five (`7K3QD-…`). It unwraps the database key kept in `agency.json`.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct RecoveryKey([u8; 32]);

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(<masqué>)")
    }
}

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 32 bytes of key and 2 of checksum: 272 bits, 55 base32 characters, 11 groups of 5.
const CHARS: usize = 55;

fn fletcher16(data: &[u8]) -> [u8; 2] {
    let (mut a, mut b) = (0u16, 0u16);
    for &x in data {
        a = (a + u16::from(x)) % 255;
        b = (b + a) % 255;
    }
    [b as u8, a as u8]
}

impl RecoveryKey {
    pub fn generate() -> Self {
        let mut k = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut k);
        RecoveryKey(k)
    }

    pub(crate) fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key as the broker writes it down: 11 groups of 5 characters.
    pub fn display_for_broker(&self) -> Zeroizing<String> {
        let mut data = Zeroizing::new(Vec::with_capacity(34));
        data.extend_from_slice(&self.0);
        data.extend_from_slice(&fletcher16(&self.0));
        let mut out = Zeroizing::new(String::with_capacity(CHARS + 10));
        let (mut acc, mut bits, mut n) = (0u32, 0u32, 0usize);
        let mut push = |v: u32, out: &mut String| {
            if n > 0 && n % 5 == 0 {
                out.push('-');
            }
            out.push(char::from(ALPHABET[v as usize]));
            n += 1;
        };
        for &byte in data.iter() {
            acc = (acc << 8) | u32::from(byte);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                push((acc >> bits) & 31, &mut out);
            }
            acc &= (1 << bits) - 1;
        }
        if bits > 0 {
            push((acc << (5 - bits)) & 31, &mut out);
        }
        acc.zeroize();
        out
    }

    /// Parses what the broker typed: case, spaces and dashes do not matter, and O/0, I/L/1
    /// confusions are forgiven. A typo is caught by the checksum.
    pub fn parse(s: &str) -> Result<Self, VaultError> {
        let mut values = Zeroizing::new(Vec::with_capacity(CHARS));
        for c in s.chars() {
            let c = c.to_ascii_uppercase();
            let c = match c {
                ' ' | '-' | '\t' | '\n' | '\r' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            let v = ALPHABET.iter().position(|&a| char::from(a) == c).ok_or_else(|| {
                VaultError::InvalidRecoveryKey(format!(
                    "le caractère « {c} » n'en fait pas partie (chiffres et lettres sauf I, L, O, U)."
                ))
            })?;
            values.push(v as u32);
        }
        if values.len() != CHARS {
            return Err(VaultError::InvalidRecoveryKey(format!(
                "elle compte {CHARS} caractères (11 groupes de 5), {} ont été saisis.",
                values.len()
            )));
        }
        let mut data = Zeroizing::new(Vec::with_capacity(35));
        let (mut acc, mut bits) = (0u32, 0u32);
        for &v in values.iter() {
            acc = (acc << 5) | v;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                data.push((acc >> bits) as u8);
                acc &= (1 << bits) - 1;
            }
        }
        if data.len() != 34 || acc != 0 {
            return Err(VaultError::InvalidRecoveryKey(
                "la fin de la clé est incorrecte.".into(),
            ));
        }
        let mut key = [0u8; 32];
        key.copy_from_slice(&data[..32]);
        if fletcher16(&key) != [data[32], data[33]] {
            key.zeroize();
            return Err(VaultError::InvalidRecoveryKey(
                "elle contient une faute de frappe (somme de contrôle incorrecte) : vérifiez chaque groupe.".into(),
            ));
        }
        Ok(RecoveryKey(key))
    }
}

pub(crate) fn hex_encode(b: &[u8]) -> String {
    const H: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(b.len() * 2);
    for &x in b {
        s.push(char::from(H[usize::from(x >> 4)]));
        s.push(char::from(H[usize::from(x & 15)]));
    }
    s
}

pub(crate) fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    let nib = |c: u8| -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    };
    s.as_bytes()
        .chunks(2)
        .map(|p| Some((nib(p[0])? << 4) | nib(p[1])?))
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_redacted() {
        let k = DbKey::generate();
        let hex = k.to_hex();
        let dbg = format!("{k:?}");
        assert!(!dbg.contains(&hex[..8]));
        assert_eq!(dbg, "DbKey(<masqué>)");
        assert_eq!(
            format!("{:?}", RecoveryKey::generate()),
            "RecoveryKey(<masqué>)"
        );
    }

    #[test]
    fn pragma_value_is_a_raw_key() {
        let k = DbKey::from_hex(&"0f".repeat(32)).unwrap();
        assert_eq!(
            k.sqlcipher_pragma_value().as_str(),
            format!("x'{}'", "0f".repeat(32))
        );
        assert!(DbKey::from_hex(&"0f".repeat(31)).is_err());
        assert!(DbKey::from_hex(&"zz".repeat(32)).is_err());
    }

    #[test]
    fn recovery_key_round_trips_and_catches_typos() {
        for _ in 0..200 {
            let rk = RecoveryKey::generate();
            let shown = rk.display_for_broker();
            assert_eq!(shown.len(), 55 + 10);
            assert_eq!(shown.split('-').count(), 11);
            assert!(RecoveryKey::parse(&shown).unwrap() == rk);
            let relaxed = shown
                .to_lowercase()
                .replace('-', " ")
                .replace('0', "o")
                .replace('1', "l");
            assert!(RecoveryKey::parse(&relaxed).unwrap() == rk);
            // Change one character: the checksum (or the padding) catches it.
            let mut chars: Vec<char> = shown.chars().collect();
            let i = 7;
            chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
            let typo: String = chars.into_iter().collect();
            assert!(matches!(
                RecoveryKey::parse(&typo),
                Err(VaultError::InvalidRecoveryKey(_))
            ));
        }
        assert!(matches!(
            RecoveryKey::parse("ABCD-EFGH"),
            Err(VaultError::InvalidRecoveryKey(_))
        ));
        assert!(matches!(
            RecoveryKey::parse("UUUUU"),
            Err(VaultError::InvalidRecoveryKey(_))
        ));
    }
}
