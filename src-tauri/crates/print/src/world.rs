//! The minimal Typst world: fonts parsed once from typst-assets, the main source from a string,
//! the other files from a map, `today()` fixed by the caller. Nothing is read from disk or the
//! network.

use std::collections::HashMap;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

pub(crate) struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Shared {
    pub(crate) fn new() -> Shared {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Shared {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }
}

fn id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

pub(crate) struct PrintWorld<'a> {
    shared: &'a Shared,
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

impl<'a> PrintWorld<'a> {
    pub(crate) fn new(
        shared: &'a Shared,
        source: String,
        files: &[(&str, &[u8])],
        today: (i32, u8, u8),
    ) -> PrintWorld<'a> {
        let main_id = id("/main.typ").unwrap_or_else(|| unreachable!("a valid path"));
        PrintWorld {
            shared,
            main: Source::new(main_id, source),
            files: files
                .iter()
                .filter_map(|(name, b)| Some((id(&format!("/{name}"))?, Bytes::new(b.to_vec()))))
                .collect(),
            today: Datetime::from_ymd(today.0, today.1, today.2),
        }
    }
}

impl World for PrintWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(std::path::PathBuf::from("(absent)")))
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(std::path::PathBuf::from("(absent)")))
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
