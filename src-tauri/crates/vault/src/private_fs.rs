//! Files only their owner can read. On Unix the agency's directory is created 0700 and its files
//! 0600 whatever the umask (a 022 umask gave 0755 and 0644: every local account could copy the
//! encrypted file and `agency.json`). Elsewhere the per-user data directory already restricts them.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

/// Creates `dir` and its missing parents, those it creates being private (0700). An existing
/// directory is left as it is: it may be one the broker chose and shares.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

fn options() -> OpenOptions {
    let mut o = OpenOptions::new();
    o.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o
}

/// Creates a new private file (0600), failing if it exists.
pub fn create_new(path: &Path) -> io::Result<File> {
    options().create_new(true).open(path)
}

/// Creates or truncates a private file (0600, also when it existed with wider rights).
pub fn create(path: &Path) -> io::Result<File> {
    let f = options().create(true).truncate(true).open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(f)
}

#[cfg(all(test, unix))]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn directories_and_files_are_the_owner_s_only() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("a").join("agence");
        create_dir(&dir).unwrap();
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&root.path().join("a")), 0o700);
        let f = dir.join("x");
        create_new(&f).unwrap().write_all(b"1").unwrap();
        assert_eq!(mode(&f), 0o600);
        assert!(create_new(&f).is_err());
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).unwrap();
        create(&f).unwrap().write_all(b"2").unwrap();
        assert_eq!(mode(&f), 0o600);
        assert_eq!(std::fs::read(&f).unwrap(), b"2");
    }
}
