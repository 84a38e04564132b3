"""One module per tab. Each view is built from a ViewContext and plain model objects."""

from kiosk.ui.views.industries import IndustriesView
from kiosk.ui.views.innovation import InnovationView
from kiosk.ui.views.living import LivingView
from kiosk.ui.views.overview import OverviewView

VIEW_CLASSES = {
    "overview": OverviewView,
    "industries": IndustriesView,
    "innovation": InnovationView,
    "living": LivingView,
}
VIEW_NAMES = tuple(VIEW_CLASSES)
