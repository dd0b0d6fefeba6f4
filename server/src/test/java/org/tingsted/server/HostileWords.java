package org.tingsted.server;

import java.util.List;

/**
 * Words a hostile member (or a careless one) might type: HTML and script, Markdown of every
 * kind, and spreadsheet formulas. Each is at most 120 characters, so it fits a title and a name.
 * The scripts set {@code window.__pwned}, so a browser test can tell whether one ran.
 */
public final class HostileWords {
  private HostileWords() {}

  public static final String IMG = "<img src=x onerror=\"window.__pwned=1\">";
  public static final String SCRIPT = "<script>window.__pwned=2</script>";
  public static final String SVG = "\"><svg onload=window.__pwned=3>";
  public static final String JAVASCRIPT_URL = "javascript:window.__pwned=4";
  public static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
  public static final String MARKDOWN_LINK = "**bold** [link](javascript:alert(1))";

  /** The six above, which the browser test types into the app, and many more for the reports. */
  public static final List<String> SHORT = List.of(IMG, SCRIPT, SVG, JAVASCRIPT_URL, HYPERLINK,
      MARKDOWN_LINK);

  public static final List<String> ALL = List.of(IMG, SCRIPT, SVG, JAVASCRIPT_URL, HYPERLINK,
      MARKDOWN_LINK,
      "<a href=\"javascript:window.__pwned=5\">click</a>",
      "<iframe srcdoc=\"<script>parent.__pwned=6</script>\"></iframe>",
      "<javascript:alert(7)> and <http://x.example/>",
      "![x](javascript:alert(8)) ![y](http://x.example/y.png)",
      "[ref]\n\n[ref]: javascript:alert(9)",
      "&lt;script&gt; &#60;b&#62; &amp;amp; &copy;",
      "\\<b>bold\\</b> \\*not\\* \\\\",
      "# heading\n## another #",
      "- item\n+ item\n* item\n1. one\n2) two",
      "> quoted\n>> more",
      "```\ncode\n```\n~~~\nfence\n~~~",
      "    indented code\n\n\tafter a tab",
      "Title\n===\nSub\n---",
      "*** \n___\n- - -",
      "`code` ``two`` ~~strike~~ _em_ __strong__",
      "| a | b |\n|---|---|\n| c | d |",
      "line with hard break  \nnext\\\nlast",
      "<!-- comment --> <?php ?> <![CDATA[x]]>",
      "+45 1234", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "Tage;=HYPERLINK(1)",
      "Først\n-dernæst\n@alle", "\uFF1D1+1", "a\t=1+1",
      "2027. Det er året", "<style>body{display:none}</style>",
      "Mød op kl. 10; 50 % af os – ikke? Ja! 'Nej': \"måske\" (3-4 gange/uge), a.b@kk.dk");
}
