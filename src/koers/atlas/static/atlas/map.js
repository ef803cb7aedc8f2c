/* The atlas's map: Leaflet with the municipalities (a choropleth of initiatives per 10,000
   inhabitants) and the initiatives as clustered circle markers coloured by their first
   theme. Everything comes from the data endpoints named on #atlas-map (the page's own
   filters in their query strings); nothing is inlined. Without tiles (none configured, or
   they fail to load) a notice says so and the boundaries and markers are still drawn. */
(function () {
  "use strict";

  var element = document.getElementById("atlas-map");
  if (!element || !window.L) {
    return;
  }
  var data = element.dataset;
  var section = document.getElementById("atlas-map-section");
  var notice = document.getElementById("atlas-map-notice");
  section.hidden = false;

  // Sequential blues (ColorBrewer), light to dark; grey hatching where no population is known.
  var CLASSES = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];
  var UNKNOWN = "#d9d9d9";
  var NO_THEME = "#767676";

  function escapeText(text) {
    var span = document.createElement("span");
    span.textContent = text || "";
    return span.innerHTML;
  }

  function showNotice() {
    notice.hidden = false;
  }

  var map = L.map(element, { center: [52.53, 5.6], zoom: 9, minZoom: 6, maxZoom: 18 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(escapeText(data.attribution));

  if (data.tileUrl) {
    var tiles = L.tileLayer(data.tileUrl, {
      attribution: escapeText(data.tileAttribution),
      maxZoom: 18,
    });
    var tilesFailed = false;
    tiles.on("tileerror", function () {
      if (!tilesFailed) {
        tilesFailed = true;
        showNotice();
      }
    });
    tiles.addTo(map);
  } else {
    showNotice();
  }

  function fetchJson(url) {
    return fetch(url, {
      credentials: "same-origin",
      headers: { Accept: "application/geo+json" },
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    });
  }

  function failed() {
    notice.textContent = data.labelFailed;
    notice.hidden = false;
  }

  function classBreaks(features) {
    var max = 0;
    features.forEach(function (feature) {
      var per = feature.properties.per_10000;
      if (per !== null && per > max) {
        max = per;
      }
    });
    var step = max / CLASSES.length;
    return CLASSES.map(function (colour, index) {
      return { colour: colour, from: step * index, to: step * (index + 1) };
    });
  }

  function colourFor(per, breaks) {
    if (per === null) {
      return UNKNOWN;
    }
    for (var index = 0; index < breaks.length; index += 1) {
      if (per <= breaks[index].to) {
        return breaks[index].colour;
      }
    }
    return breaks[breaks.length - 1].colour;
  }

  function swatch(fill) {
    var svgNs = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(svgNs, "svg");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "14");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var rect = document.createElementNS(svgNs, "rect");
    rect.setAttribute("x", "0.5");
    rect.setAttribute("y", "0.5");
    rect.setAttribute("width", "17");
    rect.setAttribute("height", "13");
    rect.setAttribute("fill", fill);
    rect.setAttribute("stroke", "#1a1a1a");
    svg.appendChild(rect);
    return svg;
  }

  function legendItem(fill, text) {
    var item = document.createElement("li");
    item.appendChild(swatch(fill));
    item.appendChild(document.createTextNode(text));
    return item;
  }

  function format(number) {
    return number.toLocaleString(document.documentElement.lang || "nl", {
      maximumFractionDigits: 1,
    });
  }

  function drawLegend(features, breaks) {
    var legend = document.getElementById("atlas-choropleth-legend");
    legend.textContent = "";
    var hasKnown = features.some(function (f) {
      return f.properties.per_10000 !== null;
    });
    if (hasKnown) {
      breaks.forEach(function (range) {
        legend.appendChild(legendItem(range.colour, format(range.from) + "–" + format(range.to)));
      });
    }
    var unknown = features
      .filter(function (f) {
        return f.properties.per_10000 === null;
      })
      .map(function (f) {
        return f.properties.name;
      });
    if (unknown.length) {
      legend.appendChild(legendItem(UNKNOWN, data.labelUnknown + ": " + unknown.join(", ")));
    }
  }

  function drawBoundaries(collection) {
    var breaks = classBreaks(collection.features);
    var layer = L.geoJSON(collection, {
      style: function (feature) {
        return {
          className: "atlas-boundary",
          color: "#333333",
          weight: 1.5,
          fillColor: colourFor(feature.properties.per_10000, breaks),
          fillOpacity: 0.6,
          dashArray: feature.properties.per_10000 === null ? "4 3" : null,
        };
      },
      onEachFeature: function (feature, path) {
        var p = feature.properties;
        var text = p.name + ": " + p.initiatives + " " + data.labelInitiatives;
        if (p.per_10000 !== null) {
          text += " (" + format(p.per_10000) + " " + data.labelPer.toLowerCase() + ")";
        }
        path.bindTooltip(escapeText(text), { sticky: true });
      },
    }).addTo(map);
    layer.bringToBack();
    if (layer.getLayers().length) {
      map.fitBounds(layer.getBounds(), { padding: [10, 10] });
    }
    drawLegend(collection.features, breaks);
  }

  function popupFor(properties) {
    var box = document.createElement("div");
    box.className = "atlas-popup";
    var title = document.createElement("p");
    if (properties.url) {
      var link = document.createElement("a");
      link.href = properties.url;
      link.textContent = properties.name;
      title.appendChild(link);
    } else {
      title.textContent = properties.name;
    }
    box.appendChild(title);
    var where = document.createElement("p");
    where.textContent = properties.municipality;
    box.appendChild(where);
    if (properties.themes.length) {
      var themes = document.createElement("p");
      themes.textContent = data.labelThemes + ": " + properties.themes.join(", ");
      box.appendChild(themes);
    }
    return box;
  }

  function drawInitiatives(collection) {
    var cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
    L.geoJSON(collection, {
      pointToLayer: function (feature, latlng) {
        return L.circleMarker(latlng, {
          className: "atlas-initiative",
          radius: 7,
          color: "#1a1a1a",
          weight: 1.5,
          fillColor: feature.properties.colours[0] || NO_THEME,
          fillOpacity: 0.95,
        });
      },
      onEachFeature: function (feature, marker) {
        marker.bindPopup(popupFor(feature.properties));
      },
    }).eachLayer(function (marker) {
      cluster.addLayer(marker);
    });
    map.addLayer(cluster);
    element.dataset.initiatives = String(collection.features.length);
  }

  // Boundaries first, so the markers lie above them whatever answers first.
  fetchJson(data.boundariesUrl)
    .then(drawBoundaries)
    .then(function () {
      return fetchJson(data.dataUrl);
    })
    .then(drawInitiatives)
    .then(function () {
      element.dataset.loaded = "true";
    })
    .catch(failed);
})();
