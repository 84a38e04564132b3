"""One module per tab. Each view is built from a ViewContext and plain model objects."""

from kiosk.ui.views import industries, innovation, living, overview
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

# Each view's headline chart, built the same way for the view and for the attract loop.
SHOWCASES = {
    "overview": overview.showcase,
    "industries": industries.showcase,
    "innovation": innovation.showcase,
    "living": living.showcase,
}
