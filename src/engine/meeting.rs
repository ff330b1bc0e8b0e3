//! `tor check-meeting`: the meeting rules engine (in progress).
