//! `agency.json`: the agency's identity and its key, wrapped (never in clear).

use crate::keys::{hex_decode, hex_encode};
use crate::{DbKey, RecoveryKey, VaultError};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;
use zeroize::Zeroizing;

pub const MANIFEST_FILE: &str = "agency.json";
const FORMAT: u32 = 1;

/// Argon2id parameters for a passphrase: 64 MiB, 3 passes, 1 lane (OWASP's first choice).
const M_COST_KIB: u32 = 64 * 1024;
const T_COST: u32 = 3;
const P_COST: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Storage {
    Keychain,
    Passphrase,
    Environment,
}

impl Storage {
    pub fn as_str(self) -> &'static str {
        match self {
            Storage::Keychain => "keychain",
            Storage::Passphrase => "passphrase",
            Storage::Environment => "environment",
        }
    }
}

/// The key encrypted with XChaCha20-Poly1305; the agency id is the associated data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wrapped {
    nonce: String,
    ciphertext: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassphraseWrap {
    kdf: String,
    salt: String,
    m_cost_kib: u32,
    t_cost: u32,
    p_cost: u32,
    #[serde(flatten)]
    wrapped: Wrapped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    pub agency_id: String,
    pub created_at: String,
    pub storage: Storage,
    pub recovery: Option<Wrapped>,
    pub passphrase: Option<PassphraseWrap>,
}

#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

fn seal(key: &[u8; 32], aad: &str, secret: &DbKey) -> Result<Wrapped, VaultError> {
    let mut nonce = [0u8; 24];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let cipher = XChaCha20Poly1305::new(key.into());
    let ct = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: secret.as_bytes(),
                aad: aad.as_bytes(),
            },
        )
        .map_err(|_| VaultError::Crypto("chiffrement de la clé impossible"))?;
    Ok(Wrapped {
        nonce: hex_encode(&nonce),
        ciphertext: hex_encode(&ct),
    })
}

/// `None` when the wrapping key is wrong (authentication failed).
fn open(key: &[u8; 32], aad: &str, w: &Wrapped) -> Result<Option<DbKey>, VaultError> {
    let nonce = hex_decode(&w.nonce)
        .filter(|n| n.len() == 24)
        .ok_or_else(|| VaultError::ManifestCorrupt("nonce invalide".into()))?;
    let ct = hex_decode(&w.ciphertext)
        .ok_or_else(|| VaultError::ManifestCorrupt("clé chiffrée invalide".into()))?;
    let cipher = XChaCha20Poly1305::new(key.into());
    match cipher.decrypt(
        XNonce::from_slice(&nonce),
        Payload {
            msg: &ct,
            aad: aad.as_bytes(),
        },
    ) {
        Ok(pt) => {
            let pt = Zeroizing::new(pt);
            let arr: [u8; 32] = pt
                .as_slice()
                .try_into()
                .map_err(|_| VaultError::ManifestCorrupt("clé de longueur invalide".into()))?;
            Ok(Some(DbKey::from_bytes(arr)))
        }
        Err(_) => Ok(None),
    }
}

fn argon2_key(
    passphrase: &str,
    salt: &[u8],
    m: u32,
    t: u32,
    p: u32,
) -> Result<Zeroizing<[u8; 32]>, VaultError> {
    let params = argon2::Params::new(m, t, p, Some(32))
        .map_err(|_| VaultError::ManifestCorrupt("paramètres Argon2 invalides".into()))?;
    let a = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut out = Zeroizing::new([0u8; 32]);
    a.hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
        .map_err(|_| VaultError::Crypto("dérivation Argon2 impossible"))?;
    Ok(out)
}

impl Manifest {
    pub(crate) fn new(agency_id: String, created_at: String) -> Self {
        Manifest {
            format: FORMAT,
            agency_id,
            created_at,
            storage: Storage::Keychain,
            recovery: None,
            passphrase: None,
        }
    }

    pub fn agency_id(&self) -> &str {
        &self.agency_id
    }

    /// `keychain`, `passphrase` or `environment`.
    pub fn storage(&self) -> &'static str {
        self.storage.as_str()
    }

    pub(crate) fn wrap_recovery(
        &mut self,
        key: &DbKey,
        rk: &RecoveryKey,
    ) -> Result<(), VaultError> {
        self.recovery = Some(seal(rk.as_bytes(), &self.agency_id, key)?);
        Ok(())
    }

    pub(crate) fn unwrap_recovery(&self, rk: &RecoveryKey) -> Result<DbKey, VaultError> {
        let w = self.recovery.as_ref().ok_or_else(|| {
            VaultError::ManifestCorrupt("aucune clé de secours enregistrée".into())
        })?;
        open(rk.as_bytes(), &self.agency_id, w)?.ok_or(VaultError::WrongRecoveryKey)
    }

    pub(crate) fn wrap_passphrase(
        &mut self,
        key: &DbKey,
        passphrase: &str,
    ) -> Result<(), VaultError> {
        let mut salt = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        let k = argon2_key(passphrase, &salt, M_COST_KIB, T_COST, P_COST)?;
        self.passphrase = Some(PassphraseWrap {
            kdf: "argon2id".into(),
            salt: hex_encode(&salt),
            m_cost_kib: M_COST_KIB,
            t_cost: T_COST,
            p_cost: P_COST,
            wrapped: seal(&k, &self.agency_id, key)?,
        });
        Ok(())
    }

    pub(crate) fn unwrap_passphrase(&self, passphrase: &str) -> Result<DbKey, VaultError> {
        let w = self
            .passphrase
            .as_ref()
            .ok_or(VaultError::WrongPassphrase)?;
        if w.kdf != "argon2id" {
            return Err(VaultError::ManifestCorrupt(format!(
                "dérivation inconnue « {} »",
                w.kdf
            )));
        }
        let salt = hex_decode(&w.salt)
            .ok_or_else(|| VaultError::ManifestCorrupt("sel invalide".into()))?;
        let k = argon2_key(passphrase, &salt, w.m_cost_kib, w.t_cost, w.p_cost)?;
        open(&k, &self.agency_id, &w.wrapped)?.ok_or(VaultError::WrongPassphrase)
    }

    pub(crate) fn load(dir: &Path) -> Result<Manifest, VaultError> {
        let path = dir.join(MANIFEST_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| VaultError::io(&path, e))?;
        let f: FormatOnly =
            serde_json::from_str(&text).map_err(|e| VaultError::ManifestCorrupt(e.to_string()))?;
        if f.format > FORMAT {
            return Err(VaultError::ManifestTooNew(f.format));
        }
        serde_json::from_str(&text).map_err(|e| VaultError::ManifestCorrupt(e.to_string()))
    }

    /// Writes atomically: a temporary file in the same directory, flushed to disk, renamed over,
    /// then the directory flushed. A crash leaves the old manifest or the new one, never half.
    pub(crate) fn save(&self, dir: &Path) -> Result<(), VaultError> {
        crate::private_fs::create_dir(dir).map_err(|e| VaultError::io(dir, e))?;
        let path = dir.join(MANIFEST_FILE);
        let tmp = dir.join(format!(".{MANIFEST_FILE}.tmp"));
        let text = serde_json::to_string_pretty(self)
            .map_err(|e| VaultError::ManifestCorrupt(e.to_string()))?;
        {
            let mut f = crate::private_fs::create(&tmp).map_err(|e| VaultError::io(&tmp, e))?;
            f.write_all(text.as_bytes())
                .and_then(|()| f.sync_all())
                .map_err(|e| VaultError::io(&tmp, e))?;
        }
        std::fs::rename(&tmp, &path).map_err(|e| VaultError::io(&path, e))?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}
