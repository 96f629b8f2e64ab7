"""Consultation bookings: counselors' free slots, bookings that never double-book, and what users type to make them."""
