//! What every component can reach: the loaded corpus and the navigator.

use crate::loader::{Loader, Status};
use crate::route::Route;
use resolex_core::bundle::Bundle;
use std::rc::Rc;
use yew::Callback;

/// The loaded bundle, shared by every view, with what fetches its parts and the generation of
/// parts it has: a view that reads the corpus is drawn again when parts arrive.
#[derive(Clone)]
pub struct Corpus(pub Rc<Bundle>, pub Rc<Loader>, pub u32);

impl PartialEq for Corpus {
    fn eq(&self, other: &Corpus) -> bool {
        Rc::ptr_eq(&self.0, &other.0) && self.2 == other.2
    }
}

impl Corpus {
    /// Ready, loading or failed: the reads since the last call ([`Loader::status`]).
    pub fn status(&self) -> Status {
        self.1.status()
    }
}

/// How the explorer moves between views.
#[derive(Clone, PartialEq)]
pub enum Go {
    /// A new history entry: opening a hit, following a link.
    Push(Route),
    /// The same entry, updated: a facet picked, the search box cleared.
    Replace(Route),
    /// A keystroke in a box: the view at once, the same entry updated when typing pauses
    /// ([`crate::address`]).
    Type(Route),
}

/// The current route and the way to change it.
#[derive(Clone, PartialEq)]
pub struct Nav {
    pub route: Rc<Route>,
    pub go: Callback<Go>,
}

impl Nav {
    pub fn push(&self, route: Route) {
        self.go.emit(Go::Push(route));
    }

    pub fn replace(&self, route: Route) {
        self.go.emit(Go::Replace(route));
    }

    pub fn typed(&self, route: Route) {
        self.go.emit(Go::Type(route));
    }
}

/// A value shared by reference between components; two are equal when they are the same value,
/// so a view is not compared field by field on every render.
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
