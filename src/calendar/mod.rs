//! UK bank holidays, working days and notice conventions.
