//! The record of held meetings (in progress).
