//! UK bank holidays, working days, notice conventions and date-time input (SPEC §3).

mod convention;
pub mod datetime;
pub mod daycount;
mod easter;
pub mod elections;
pub mod holidays;
pub mod notice;
pub mod region;
mod rules;
mod special;
pub mod statutory;
mod substitute;
pub mod working;

pub use datetime::{
    DateOrTime, DateTimeError, parse_date, parse_date_any_year, parse_date_or_datetime,
    parse_datetime,
};
pub use daycount::{
    Day, DayCount, DayReason, count_event, count_minutes, count_notice, counted_days_after,
};
pub use holidays::{BankHoliday, FIRST_YEAR, LAST_YEAR, bank_holidays, easter_sunday};
pub use notice::{
    Convention, NoticeError, day_deadline, deadline, elapsed, elapsed_hours, in_time, minutes_due,
};
pub use region::{Region, UnknownRegion};
pub use working::Calendar;
