"""The Qt window: pages, dialogs and table models. It calls services and never writes itself."""
