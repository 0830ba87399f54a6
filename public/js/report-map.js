// The location step's map: drop or drag a pin to fill the hidden lat/lng fields, or use the
// device's position. An enhancement: the address and district fields work without it, and the
// server checks the position against the municipality's boundary whatever the map allowed.
;(function () {
  'use strict'
  var section = document.querySelector('[data-module="report-map"]')
  if (!section || !window.L) return
  var L = window.L
  var latField = document.getElementById('field-lat')
  var lngField = document.getElementById('field-lng')
  var status = document.getElementById('pin-status')
  var canvas = section.querySelector('.report-map__canvas')
  var bounds = JSON.parse(section.getAttribute('data-bounds'))
  var marker = null

  function round(value) {
    return Math.round(value * 1e6) / 1e6
  }

  function say(text) {
    status.textContent = text
  }

  function show(position) {
    var lat = round(position.lat)
    var lng = round(position.lng)
    latField.value = String(lat)
    lngField.value = String(lng)
    say(section.getAttribute('data-pin-at').replace('%lat', lat).replace('%lng', lng))
  }

  function place(position) {
    if (marker) {
      marker.setLatLng(position)
    } else {
      marker = L.marker(position, {
        draggable: true,
        keyboard: true,
        title: section.getAttribute('data-pin-title'),
        icon: L.divIcon({ className: 'report-map__pin', iconSize: [24, 24], iconAnchor: [12, 24] }),
      }).addTo(map)
      marker.on('dragend', function () {
        show(marker.getLatLng())
      })
      // Arrow keys move a focused pin, so the spot can be chosen without a mouse.
      marker.getElement().addEventListener('keydown', function (event) {
        var step = 0.0002
        var moves = {
          ArrowUp: [step, 0],
          ArrowDown: [-step, 0],
          ArrowLeft: [0, -step],
          ArrowRight: [0, step],
        }
        var move = moves[event.key]
        if (!move) return
        event.preventDefault()
        var at = marker.getLatLng()
        marker.setLatLng([at.lat + move[0], at.lng + move[1]])
        show(marker.getLatLng())
      })
    }
    show(L.latLng(position))
    var removal = section.querySelector('[data-action="clear"]')
    if (removal) removal.hidden = false
  }

  section.hidden = false
  var group = document.getElementById('location-map')
  if (group) group.hidden = false
  var map = L.map(canvas, { scrollWheelZoom: false })
  map.fitBounds(bounds)
  var tiles = L.tileLayer(section.getAttribute('data-tiles'), {
    maxZoom: 19,
    attribution: section.getAttribute('data-attribution'),
  })
  var tilesFailed = false
  tiles.on('tileerror', function () {
    if (tilesFailed) return
    tilesFailed = true
    var note = document.createElement('p')
    note.className = 'hint'
    note.textContent = section.getAttribute('data-no-tiles')
    section.insertBefore(note, canvas)
  })
  tiles.addTo(map)

  if (latField.value && lngField.value) {
    var start = [Number(latField.value), Number(lngField.value)]
    place(start)
    map.setView(start, 17)
  }

  map.on('click', function (event) {
    place(event.latlng)
  })

  var clear = section.querySelector('[data-action="clear"]')
  clear.hidden = !marker
  clear.addEventListener('click', function () {
    if (marker) map.removeLayer(marker)
    marker = null
    clear.hidden = true
    latField.value = ''
    lngField.value = ''
    say(section.getAttribute('data-no-pin'))
  })

  var locate = section.querySelector('[data-action="locate"]')
  if (!navigator.geolocation) {
    locate.hidden = true
  } else {
    locate.addEventListener('click', function () {
      say(section.getAttribute('data-locating'))
      navigator.geolocation.getCurrentPosition(
        function (found) {
          var position = [found.coords.latitude, found.coords.longitude]
          place(position)
          map.setView(position, 17)
        },
        function () {
          say(section.getAttribute('data-no-location'))
        },
        { enableHighAccuracy: true, timeout: 15000 },
      )
    })
  }
})()
