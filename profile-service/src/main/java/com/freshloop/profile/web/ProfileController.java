package com.freshloop.profile.web;

import com.freshloop.profile.tags.Tags;
import com.freshloop.profile.tags.UserTag;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "profile")
class ProfileController {

    private final Tags tags;

    ProfileController(Tags tags) {
        this.tags = tags;
    }

    /** A profile as the app and operators see it. */
    record ProfileView(String userId, List<UserTag> tags) {}

    @GetMapping("/api/v1/profile/me")
    @Operation(summary = "The caller's own profile with their current real-time tags")
    ProfileView me() {
        String userId = CurrentUser.id();
        return new ProfileView(userId, tags.of(userId));
    }

    @GetMapping("/admin/v1/profile/users/{userId}")
    @Operation(summary = "Any user's profile (operators only)")
    ProfileView user(@PathVariable @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}") String userId) {
        return new ProfileView(userId, tags.of(userId));
    }
}
