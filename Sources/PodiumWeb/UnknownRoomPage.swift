import Hummingbird
import PodiumCore

/// The 404 page for a room the conference does not have: it lists the real rooms.
public enum UnknownRoomPage {
  /// `page` when `raw` names a room of `conference` (or no conference is known yet),
  /// else a 404 styled by `stylesheet` listing the rooms, each linking to `link(room)`.
  public static func response(
    _ page: String, room raw: String, conference: Conference?, stylesheet: String = "/static/podium.css",
    link: (Room) -> String
  ) -> Response {
    let room = raw.removingPercentEncoding ?? raw
    guard let conference, conference.room(room) == nil else { return Responses.html(page) }
    let links = conference.rooms.map {
      #"<li><a href="\#(HTMLText.escape(link($0)))">\#(HTMLText.escape($0.name))</a></li>"#
    }.joined()
    return Responses.html(
      """
      <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unknown room</title>\
      <link rel="stylesheet" href="\(HTMLText.escape(stylesheet))"></head><body class="unknown-room">\
      <main><h1>Unknown room «\(HTMLText.escape(room))»</h1><p>This conference has these rooms:</p>\
      <ul>\(links)</ul></main></body></html>
      """, status: .notFound)
  }
}
