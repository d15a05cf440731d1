"""Housing Desk: partner flats, referrals, licences and paperwork for a supported-housing team."""

__version__ = "0.1.0"
