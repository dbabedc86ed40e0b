package com.freshloop.marketing.web;

import com.freshloop.marketing.messages.Messages;
import com.freshloop.marketing.messages.UserMessage;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "my messages")
class MyMessagesController {

    private final Messages messages;

    MyMessagesController(Messages messages) {
        this.messages = messages;
    }

    /** The messages of one shopper. */
    record MyMessages(String userId, List<UserMessage> messages) {}

    @GetMapping("/api/v1/marketing/me/messages")
    @Operation(summary = "The caller's messages, sent and scheduled, latest first")
    MyMessages mine() {
        String userId = CurrentUser.id();
        return new MyMessages(userId, messages.of(userId));
    }
}
