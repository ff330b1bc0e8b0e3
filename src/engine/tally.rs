//! `tor tally`: the vote engine (in progress).
