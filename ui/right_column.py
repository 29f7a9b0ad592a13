"""The right column: the insight panel over 「このお客様について」, or the two as tabs when short.

On a tall screen both show at once, split as the user left them. When the
column is too short for both to be useful (a 1366×768 laptop, a 1024×700
window, the composer's suggestions taking their share of the insight panel),
they become two tabs, as Outlook's side panes do, instead of three panels with
room for one item each. The customer tab says when there is something to know
(a reminder about what the customer told before).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QStackedLayout, QTabWidget, QWidget

TABS_BELOW = 820  # px of column height under which the two panels become tabs


class RightColumn(QWidget):
    def __init__(self, insight: QWidget, customer: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rightColumn")
        self.insight = insight
        self.customer = customer
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("rightSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("rightTabs")
        self.tabs.setDocumentMode(True)
        # Never hide a tab behind scroll arrows (the English titles at 1024×700 did): elide instead.
        self.tabs.tabBar().setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.splitter)
        self._stack.addWidget(self.tabs)
        self._split_sizes = [520, 340]  # what the customer said first; history below
        self._customer_note = False
        self.splitter.addWidget(insight)
        self.splitter.addWidget(customer)
        self.splitter.setSizes(self._split_sizes)
        self.tabbed = False
        self.retranslate()

    def retranslate(self) -> None:
        if self.tabbed:
            self.tabs.setTabText(0, self.tr("お客様のお話"))
            title = self.tr("このお客様について")
            self.tabs.setTabText(1, f"{title} ●" if self._customer_note else title)
            self.tabs.setTabToolTip(1, self.tr("以前お話しくださったことに関係があります")
                                    if self._customer_note else "")

    def set_customer_note(self, note: bool) -> None:
        """Mark the customer tab when the profile has a reminder worth a look."""
        self._customer_note = note
        self.retranslate()

    def set_tabbed(self, tabbed: bool) -> None:
        if tabbed == self.tabbed:
            return
        if tabbed:
            self._split_sizes = self.splitter.sizes()
            self.tabs.addTab(self.insight, "")
            self.tabs.addTab(self.customer, "")
            self._stack.setCurrentWidget(self.tabs)
        else:
            self.splitter.addWidget(self.insight)
            self.splitter.addWidget(self.customer)
            self.splitter.setSizes(self._split_sizes)
            self._stack.setCurrentWidget(self.splitter)
        self.insight.show()
        self.customer.show()
        self.tabbed = tabbed
        self.retranslate()

    def show_customer(self) -> None:
        """Bring 「このお客様について」 into view (a tab click when tabbed)."""
        if self.tabbed:
            self.tabs.setCurrentWidget(self.customer)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_tabbed(event.size().height() < TABS_BELOW)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
