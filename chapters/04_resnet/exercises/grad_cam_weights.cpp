// Exercise 4.6: Grad-CAM's weights and map.
// Replace the dl::exercise_not_written(...) line with your code.
#include "exercises.hpp"

#include "dl/exercise.hpp"

namespace ex04 {

GradCamMap grad_cam_from_gradients(const Array& activations, const Array& gradients) {
    // α_k = mean of gradients[k]; map = ReLU(Σ_k α_k · activations[k])
    (void)activations, (void)gradients;
    dl::exercise_not_written("4.6", "Grad-CAM's weights and map", "chapters/04_resnet/README.md, section 'Where the network looks'");
}

}  // namespace ex04
