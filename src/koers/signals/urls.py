"""The URLs of signals: one list per part, under the one `signals` namespace, so every URL
name stays `signals:<name>`."""

from koers.signals.agenda import urls as agenda
from koers.signals.analysis import urls as analysis
from koers.signals.cases import urls as cases
from koers.signals.categories import urls as categories
from koers.signals.classify import urls as classify
from koers.signals.entry import urls as entry
from koers.signals.public import urls as public

app_name = "signals"

urlpatterns = [
    *entry.urlpatterns,
    *public.urlpatterns,
    *classify.urlpatterns,
    *analysis.urlpatterns,
    *agenda.urlpatterns,
    *categories.urlpatterns,
    *cases.urlpatterns,
]
