"""The application's stylesheet: plain text with no imports, set before the first window is
shown (importing Qt's painting classes for it would slow the sign-in dialog)."""

APPLICATION_STYLE = """
QListWidget#navigation {
    background: #1f3347;
    color: #e8eef4;
    font-size: 11pt;
    padding-top: 12px;
    outline: 0;
}
QListWidget#navigation::item {
    padding: 9px 16px;
    border-left: 4px solid transparent;
}
QListWidget#navigation::item:selected {
    background: #2d4a66;
    border-left: 4px solid #7fb3e0;
    color: white;
}
QListWidget#navigation::item:hover:!selected {
    background: #27405a;
}
QLabel#titleLabel {
    font-size: 15pt;
    font-weight: 600;
    color: #1f3347;
}
QLabel#nameLabel {
    font-size: 14pt;
    font-weight: 600;
    color: #1f3347;
}
QLabel#panelTitle {
    font-weight: 600;
    color: #1f3347;
    padding-top: 6px;
}
QLabel#summaryLabel, QLabel#statusSummary, QLabel#waitingSummary {
    color: #4a5a6a;
}
QTableView {
    gridline-color: #e3e7eb;
    selection-background-color: #cfe2f5;
    selection-color: #101820;
}
QHeaderView::section {
    background: #f1f4f7;
    padding: 4px 6px;
    border: none;
    border-bottom: 1px solid #d5dbe1;
    font-weight: 600;
}
"""
