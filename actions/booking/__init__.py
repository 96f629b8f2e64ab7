"""The booking forms: making a consultation booking, and checking, moving or
cancelling one. Thin: what users mean is read in reading.py, storage and the
no-double-booking rule live in bot/booking/."""
