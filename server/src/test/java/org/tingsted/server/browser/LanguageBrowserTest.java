package org.tingsted.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.browser.Browser.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The member app in Danish (the default) and in English, switched by the person. */
@DisplayName("In a browser: Danish and English")
class LanguageBrowserTest extends BrowserFixture {

  /** Texts of the app by key, as the hooks that show them. */
  private static final Map<String, String> SHOWN_BY = Map.of(
      "status.online", "status",
      "propose.submit", "propose-submit",
      "hands.raise", "raise-hand");
  /** The view of the app each hook is in (the status is in the bar, always shown). */
  private static final Map<String, String> VIEW_OF = Map.of(
      "propose-submit", "propose",
      "raise-hand", "table");

  @Test
  @DisplayName("the app starts in Danish, switches to English and back, <html lang> follows, and the choice is kept")
  void bothLanguages() {
    MemberApp app = memberApp(0);
    Browser b = app.browser;
    assertLanguage(app, "da");

    b.clickable(hook("menu-button")).click();
    new Select(b.visible(hook("lang"))).selectByValue("en");
    assertLanguage(app, "en");

    // The choice is kept: a reload comes back in English.
    b.driver.navigate().refresh();
    b.awaitStatus("online");
    assertLanguage(app, "en");
    b.clickable(hook("menu-button")).click();
    assertThat(new Select(b.visible(hook("lang"))).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("en");

    new Select(b.visible(hook("lang"))).selectByValue("da");
    assertLanguage(app, "da");
    assertThat(b.consoleErrors()).as("errors in the browser console").isEmpty();
  }

  private static void assertLanguage(MemberApp app, String lang) {
    Browser b = app.browser;
    JsonNode texts = texts(lang);
    b.until(d -> lang.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")) ? Boolean.TRUE : null);
    SHOWN_BY.forEach((key, test) -> {
      String expected = text(texts, key);
      assertThat(expected).as("%s in %s.json", key, lang).isNotBlank();
      assertThat(expected).as("%s differs between the languages", key).isNotEqualTo(text(texts(lang.equals("da") ? "en" : "da"), key));
      if (VIEW_OF.containsKey(test)) {
        app.view(VIEW_OF.get(test));
      }
      b.withText(hook(test), expected);
    });
  }

  private static String text(JsonNode texts, String key) {
    JsonNode node = texts.get(key);
    if (node == null) {
      node = texts;
      for (String part : key.split("\\.")) {
        node = node.path(part);
      }
    }
    return node.asText();
  }

  /** The app's own texts, from the web client's jar on the classpath. */
  private static JsonNode texts(String lang) {
    try (InputStream in = LanguageBrowserTest.class.getClassLoader().getResourceAsStream("tingsted-web/i18n/" + lang + ".json")) {
      assertThat(in).as("tingsted-web/i18n/%s.json", lang).isNotNull();
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
