"""Small widgets shared by the panels (layouts, delegates); nothing here knows about claims."""
