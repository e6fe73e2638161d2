//! Sign-in details for remote stores, from the environment or from a credentials file (an I/O
//! edge): never from the command line, where other users see them in the process list.
//!
//! The environment (`HEARSAY_STORE_USER` and `HEARSAY_STORE_PASSWORD`, or `HEARSAY_STORE_TOKEN`)
//! wins: when it sets any of them, no file is read. Otherwise the file that
//! `HEARSAY_STORE_CREDENTIALS` names, else `$XDG_CONFIG_HOME/hearsay/credentials.json` (or
//! `~/.config/hearsay/credentials.json`) if it exists, a JSON object keyed by endpoint URL:
//!
//! ```json
//! { "http://localhost:8890/sparql": { "user": "dba", "password": "dba" },
//!   "https://graph.example.org/query": { "token": "..." } }
//! ```
//!
//! On Unix a file that others than its owner may read is refused (`chmod 600` it). JSON because
//! serde_json is already among hearsay's dependencies; this module does not sign in, `remote`
//! does.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// A user and password (HTTP Basic or Digest) and a bearer token, each optional.
#[derive(Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    /// User name for HTTP Basic or Digest authentication.
    pub user: Option<String>,
    /// Password for HTTP Basic or Digest authentication.
    pub password: Option<String>,
    /// Bearer token.
    pub token: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials").field("user", &self.user).finish_non_exhaustive()
    }
}

/// A credentials file that cannot be used.
#[derive(Debug, Error)]
pub enum CredentialsError {
    /// The file cannot be read (or, named by `HEARSAY_STORE_CREDENTIALS`, does not exist).
    #[error("cannot read the credentials file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Others than the owner may read the file.
    #[error("the credentials file {path} is readable by others (mode {mode:o}): make it private with `chmod 600 {path}`")]
    Exposed {
        /// The file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The file is not a JSON object of endpoint URLs to `user`/`password`/`token` objects.
    #[error(
        "{path}:{line}:{column}: {message} (a credentials file is a JSON object keyed by endpoint URL: {{\"http://host:8890/sparql\": {{\"user\": \"...\", \"password\": \"...\"}}}} or {{\"token\": \"...\"}})"
    )]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde_json's message.
        message: String,
    },
}

impl Credentials {
    /// The credentials for the endpoint `url`: from the environment if it sets any, else from
    /// the credentials file's entry for `url` (compared without a trailing slash), else none.
    pub fn for_endpoint(url: &str) -> Result<Self, CredentialsError> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let from_env = Self { user: var("HEARSAY_STORE_USER"), password: var("HEARSAY_STORE_PASSWORD"), token: var("HEARSAY_STORE_TOKEN") };
        if from_env != Self::default() {
            return Ok(from_env);
        }
        let Some(path) = file_path() else { return Ok(Self::default()) };
        Ok(read_file(&path)?.remove(url.trim_end_matches('/')).unwrap_or_default())
    }
}

/// The credentials file: the one `HEARSAY_STORE_CREDENTIALS` names, else the one in the user's
/// configuration folder if it exists.
fn file_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("HEARSAY_STORE_CREDENTIALS").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(config.join("hearsay/credentials.json")).filter(|p| p.exists())
}

/// The entries of the credentials file at `path`, keyed by URL without a trailing slash.
fn read_file(path: &Path) -> Result<BTreeMap<String, Credentials>, CredentialsError> {
    let read = |source| CredentialsError::Read { path: path.to_path_buf(), source };
    let file = std::fs::File::open(path).map_err(read)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = file.metadata().map_err(read)?.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(CredentialsError::Exposed { path: path.to_path_buf(), mode });
        }
    }
    let entries: BTreeMap<String, Credentials> = serde_json::from_reader(std::io::BufReader::new(file))
        .map_err(|e| CredentialsError::Syntax { path: path.to_path_buf(), line: e.line(), column: e.column(), message: e.to_string() })?;
    Ok(entries.into_iter().map(|(url, credentials)| (url.trim_end_matches('/').to_string(), credentials)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, text: &str, mode: u32) -> PathBuf {
        let path = dir.join("credentials.json");
        std::fs::write(&path, text).unwrap();
        #[cfg(unix)]
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(mode)).unwrap();
        let _ = mode;
        path
    }

    #[test]
    fn a_private_file_gives_each_endpoint_its_entry() {
        let dir = tempfile::tempdir().unwrap();
        let path =
            write(dir.path(), r#"{"http://h:8890/sparql/": {"user": "dba", "password": "pw"}, "http://o/query": {"token": "t"}}"#, 0o600);
        let entries = read_file(&path).unwrap();
        assert_eq!(entries["http://h:8890/sparql"].user.as_deref(), Some("dba"));
        assert_eq!(entries["http://o/query"].token.as_deref(), Some("t"));
        assert!(!format!("{:?}", entries["http://h:8890/sparql"]).contains("pw"), "Debug shows no password");
    }

    #[cfg(unix)]
    #[test]
    fn a_file_others_may_read_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "{}", 0o644);
        let e = read_file(&path).unwrap_err().to_string();
        assert!(e.contains("readable by others (mode 644)") && e.contains("chmod 600"), "{e}");
    }

    #[test]
    fn a_bad_file_is_reported_at_its_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "{\"http://h/sparql\": {\"usr\": \"dba\"}}", 0o600);
        let e = read_file(&path).unwrap_err().to_string();
        assert!(e.contains("credentials.json:1:") && e.contains("unknown field `usr`"), "{e}");
    }
}
