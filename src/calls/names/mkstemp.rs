//! mkstemp(3): ERRORS EEXIST (no unique name found), EINVAL (the template does not end
//! in XXXXXX), and those of open(2) for the file it creates with O_RDWR|O_CREAT|O_EXCL
//! in the template's directory. `diagnose` is shared with mkostemp, mkdtemp and mktemp.

use crate::decode::Text;
use crate::message::prose::{limits, names, path};
use crate::message::Message;
use crate::probe::names::{taken_names, Template, SUFFIX_LEN};
use crate::probe::path::Start;

/// What the call makes from the template.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Makes {
    File,
    Directory,
    /// mktemp: only a name, checked with lstat.
    Name,
}

pub fn explain(m: &mut Message, errnum: i32, templat: &Text) {
    diagnose(m, errnum, "templat", templat, Makes::File);
}

pub fn diagnose(m: &mut Message, errnum: i32, arg: &str, templat: &Text, makes: Makes) {
    if makes == Makes::Name && templat.is_ok() && templat.len == 0 {
        return names::emptied_template(m, arg);
    }
    match errnum {
        libc::EMFILE if makes == Makes::File => return limits::too_many_open_files(m),
        libc::ENFILE if makes == Makes::File => return limits::too_many_files_in_system(m),
        libc::EINVAL if templat.is_ok() => {
            let t = Template::of(templat.bytes());
            if !t.valid() {
                return names::bad_template(m, arg, &t);
            }
        }
        _ => {}
    }
    // The walk of the template explains its directories: missing (with the nearest
    // name), not directories, not searchable. The final name is one glibc made up.
    let Ok(found) = &path::resolve_or_explain(m, arg, templat, Start::Cwd, false) else { return };
    match errnum {
        libc::EEXIST => {
            let name = found.name();
            let prefix = &name[..name.len().saturating_sub(SUFFIX_LEN)];
            names::names_exhausted(m, found, taken_names(found.start, &found.dir_path(), prefix));
        }
        _ => names::creation_failed(m, errnum, found, match makes {
            Makes::File => "creating the temporary file",
            Makes::Directory => "creating the temporary directory",
            Makes::Name => "examining names in it",
        }),
    }
}
